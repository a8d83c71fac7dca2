package io.facetrail.evaluation.tracking.detect;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.track.Detection;
import io.facetrail.tracker.track.TrackingParameters;

/**
 * One face a detector found in a frame. Holds face data: never log it.
 *
 * @param box in frame pixels
 * @param score detector confidence, 0..1
 * @param quality 0..1
 * @param code the 128-byte face code
 * @param measures what the matcher's quality gate judges; null when not known (detections cached
 *     before they were kept, test fakes): the gate then falls back to {@code quality}
 */
public record DetectedFace(
    BoundingBox box, float score, float quality, byte[] code, FaceMeasures measures) {
  /** A face without measures. */
  public DetectedFace(BoundingBox box, float score, float quality, byte[] code) {
    this(box, score, quality, code, null);
  }

  /** The face as the tracker weighs it (see {@link Detection#of}). */
  public Detection detection(TrackingParameters params) {
    return Detection.of(box, score, quality, FaceCode.normalise(FaceCode.dequantise(code)), params);
  }

  @Override
  public String toString() {
    return "DetectedFace[box=" + box + ", score=" + score + "]";
  }
}
