package io.facetrail.faces.pipeline;

import io.facetrail.faces.detect.BlazeFaceDetector;
import io.facetrail.faces.detect.BlazeModel;
import io.facetrail.faces.detect.FaceDetector;
import io.facetrail.faces.detect.SsdFaceDetector;
import io.facetrail.faces.detect.TinyFaceDetector;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.model.ModelCache;

/** Loads the detector a {@link DetectorKind} names (the pipeline, benchmarks, evaluations). */
public final class FaceDetectors {
  private FaceDetectors() {}

  /**
   * @param batch images per network call (SSD and TINY; the BlazeFace family takes one)
   * @param inputSize the TINY detector's input side; 0 for its default. Ignored by the others,
   *     whose inputs are fixed
   */
  public static FaceDetector load(
      DetectorKind kind, ModelCache cache, ResolvedDevice device, int batch, int inputSize) {
    return switch (kind) {
      case SSD -> SsdFaceDetector.load(cache, device, batch);
      case TINY ->
          TinyFaceDetector.load(
              cache, device, batch, inputSize == 0 ? TinyFaceDetector.INPUT_SIZE : inputSize);
      case BLAZEFACE_BACK -> BlazeFaceDetector.load(BlazeModel.BLAZEFACE_BACK, cache, device);
      case MEDIAPIPE_FULL -> BlazeFaceDetector.load(BlazeModel.MEDIAPIPE_FULL, cache, device);
    };
  }
}
