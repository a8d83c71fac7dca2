package io.facetrail.tracker.track;

/** Why a track was removed. */
public enum EndCause {
  /** Not seen for longer than the maximum lost age. */
  LOST,
  /** Missed before it was confirmed: never published. */
  NOT_CONFIRMED,
  /** The stream ended. */
  STREAM_ENDED,
  /** The camera's view changed (a cut, fade or abrupt camera move). */
  SHOT_CHANGE
}
