package io.facetrail.matcher.enrol;

import io.facetrail.faces.quality.FaceMeasures;
import java.util.Objects;

/**
 * One face found in a photo.
 *
 * @param boxArea area of the face box in pixels (chooses the largest face)
 * @param quality face quality 0..1
 * @param code the 128-byte code
 * @param modelId the embedding model that produced the code
 * @param measures what the quality gate measures of the face; null when not measured
 */
public record DetectedFace(
    double boxArea, double quality, byte[] code, String modelId, FaceMeasures measures) {
  /** A face without measures. */
  public DetectedFace(double boxArea, double quality, byte[] code, String modelId) {
    this(boxArea, quality, code, modelId, null);
  }

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
