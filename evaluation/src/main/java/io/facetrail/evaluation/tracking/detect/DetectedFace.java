package io.facetrail.evaluation.tracking.detect;

import io.facetrail.contracts.code.FaceCode;
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
 */
public record DetectedFace(BoundingBox box, float score, float quality, byte[] code) {
  /** The face as the tracker weighs it (see {@link Detection#of}). */
  public Detection detection(TrackingParameters params) {
    return Detection.of(box, score, quality, FaceCode.normalise(FaceCode.dequantise(code)), params);
  }

  @Override
  public String toString() {
    return "DetectedFace[box=" + box + ", score=" + score + "]";
  }
}
