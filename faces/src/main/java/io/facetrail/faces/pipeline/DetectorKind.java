package io.facetrail.faces.pipeline;

/** Which face detector the pipeline runs. */
public enum DetectorKind {
  /** SSD MobileNetV1 at 512x512: the accurate default. */
  SSD,
  /**
   * Tiny face detector at 416x416: roughly ten times cheaper, misses more small and turned faces.
   */
  TINY,
  /**
   * MediaPipe's BlazeFace back-camera model at 256x256 (human-models 3.0.4), from its TensorFlow
   * graph: about a tenth of the SSD's multiply-accumulates per pass.
   */
  BLAZEFACE_BACK,
  /**
   * MediaPipe's full-range face detector at 192x192 (human-models 3.0.4, {@code
   * facemesh-detection-full}), from its TensorFlow graph: meant for faces further away.
   */
  MEDIAPIPE_FULL;

  /** Whether the detector's input size is fixed (no {@code detectorInputSize} other than 0). */
  public boolean fixedInput() {
    return this != TINY;
  }
}
