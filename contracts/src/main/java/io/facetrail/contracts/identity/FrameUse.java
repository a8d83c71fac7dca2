package io.facetrail.contracts.identity;

/**
 * How many frames a track had and why those that did not count toward its decision were not used:
 * carried by unknown events (added to schema version 1 on 2026-12-07 as the optional field {@code
 * frameUse}). Frames counted in none of the reasons were used, or arrived after the aggregate was
 * full.
 *
 * @param seen the track's observations
 * @param tooSmall faces too small for their size bucket's measured acceptance
 * @param tooDark faces too dark for their brightness bucket's
 * @param turnedAway faces turned too far for their yaw bucket's
 * @param tooBlurred faces too blurred for their sharpness bucket's
 * @param lowQuality faces without measures (older embedders) below the quality score floor
 */
public record FrameUse(
    long seen, long tooSmall, long tooDark, long turnedAway, long tooBlurred, long lowQuality) {
  public FrameUse {
    if (seen < 0
        || tooSmall < 0
        || tooDark < 0
        || turnedAway < 0
        || tooBlurred < 0
        || lowQuality < 0) {
      throw new IllegalArgumentException("frame counts must not be negative");
    }
  }
}
