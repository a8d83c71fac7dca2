package io.facetrail.tracker.eval.detect;

import io.facetrail.tracker.box.BoundingBox;

/**
 * One face a detector found in a frame. Holds face data: never log it.
 *
 * @param box in frame pixels
 * @param score detector confidence, 0..1
 * @param quality 0..1
 * @param code the 128-byte face code
 */
public record DetectedFace(BoundingBox box, float score, float quality, byte[] code) {
  @Override
  public String toString() {
    return "DetectedFace[box=" + box + ", score=" + score + "]";
  }
}
