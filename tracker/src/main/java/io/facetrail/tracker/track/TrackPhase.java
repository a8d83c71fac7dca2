package io.facetrail.tracker.track;

/** Where a track is in its life. A removed track is no longer held at all. */
public enum TrackPhase {
  /** Seen in fewer than {@code minHits} consecutive frames: possibly a false detection. */
  TENTATIVE,
  /** Confirmed and matched in the latest frame. */
  CONFIRMED,
  /** Confirmed but missed lately; kept for {@code maxLostAge} in case the face comes back. */
  LOST
}
