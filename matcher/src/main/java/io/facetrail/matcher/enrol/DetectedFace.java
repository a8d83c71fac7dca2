package io.facetrail.matcher.enrol;

import java.util.Objects;

/**
 * One face found in a photo.
 *
 * @param boxArea area of the face box in pixels (chooses the largest face)
 * @param quality face quality 0..1
 * @param code the 128-byte code
 * @param modelId the embedding model that produced the code
 */
public record DetectedFace(double boxArea, double quality, byte[] code, String modelId) {
  public DetectedFace {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(modelId, "modelId");
  }

  /** Never prints the code: it is biometric data. */
  @Override
  public String toString() {
    return "DetectedFace[area " + boxArea + ", quality " + quality + ", model " + modelId + "]";
  }
}
