package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;

/**
 * A face in a generated sequence: where it is in its first frame, how far it moves per frame
 * (bouncing off the frame's edges), and the frame it appears in.
 *
 * @param start its ground-truth box in frame {@code appearsAt}
 * @param vx horizontal motion, pixels per frame (0 for a face held still)
 * @param vy vertical motion, pixels per frame
 * @param appearsAt the first frame showing it (later than 0: it steps out from behind something)
 */
record SequenceFace(
    FaceSample sample, YawBucket yaw, FaceBox start, float vx, float vy, int appearsAt) {
  SizeBucket size() {
    return SizeBucket.of(start.height());
  }

  boolean moving() {
    return vx != 0 || vy != 0;
  }

  /** Its box in frame {@code frame} (at or after {@link #appearsAt}) of a w x h frame. */
  FaceBox at(int frame, int w, int h) {
    int t = frame - appearsAt;
    return new FaceBox(
        bounce(start.x() + vx * t, w - start.width()),
        bounce(start.y() + vy * t, h - start.height()),
        start.width(),
        start.height());
  }

  /** A position moving along 0..max and reflected at both ends. */
  static float bounce(float p, float max) {
    if (max <= 0) {
      return 0;
    }
    float period = 2 * max;
    float m = ((p % period) + period) % period;
    return m <= max ? m : period - m;
  }
}
