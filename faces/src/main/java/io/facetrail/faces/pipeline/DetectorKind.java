package io.facetrail.faces.pipeline;

/** Which face detector the pipeline runs. */
public enum DetectorKind {
  /** SSD MobileNetV1 at 512x512: the accurate default. */
  SSD,
  /**
   * Tiny face detector at 416x416: roughly ten times cheaper, misses more small and turned faces.
   */
  TINY
}
