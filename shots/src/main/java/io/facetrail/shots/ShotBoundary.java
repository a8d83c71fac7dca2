package io.facetrail.shots;

/**
 * Where a new shot begins.
 *
 * @param frameIndex the index (0-based, in the order frames were given to the detector) of the
 *     first frame of the new shot
 * @param timeUs that frame's media time
 * @param kind how the shot began
 * @param score the dissimilarity of the views on either side, 0..1
 */
public record ShotBoundary(long frameIndex, long timeUs, Kind kind, double score) {
  /** How a shot began. */
  public enum Kind {
    /** Unrelated views on consecutive frames: a hard cut or a camera move too abrupt to follow. */
    CUT,
    /** A fade through a blank frame, or a dissolve from one view into another. */
    GRADUAL
  }
}
