package io.facetrail.matcher.aggregate;

import io.facetrail.faces.quality.Measure;

/** Why a frame of a track did not enter its aggregate. */
public enum FrameProblem {
  /** The face's height fell in a bucket whose measured acceptance is below the floor. */
  TOO_SMALL,
  /** Its brightness did. */
  TOO_DARK,
  /** Its yaw did. */
  TURNED_AWAY,
  /** Its sharpness did. */
  TOO_BLURRED,
  /**
   * A record without measures (an older embedder) or of a model without a gate table, whose single
   * quality score was below {@code minQuality}.
   */
  LOW_QUALITY;

  static FrameProblem of(Measure m) {
    return switch (m) {
      case FACE_HEIGHT -> TOO_SMALL;
      case BRIGHTNESS -> TOO_DARK;
      case YAW -> TURNED_AWAY;
      case SHARPNESS -> TOO_BLURRED;
    };
  }
}
