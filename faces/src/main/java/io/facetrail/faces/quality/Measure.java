package io.facetrail.faces.quality;

/**
 * One dimension the quality gate measures, with the reason a face fails on it. Declared in the
 * order the gate checks them: a small or dark face also reads as blurred, and a face turned away is
 * usually also smaller, so the first failing measure is the one reported.
 */
public enum Measure {
  FACE_HEIGHT("too small", "tooSmall", true),
  BRIGHTNESS("too dark", "tooDark", true),
  YAW("turned away", "turnedAway", false),
  SHARPNESS("too blurred", "tooBlurred", true);

  private final String reason;
  private final String key;
  private final boolean higherIsBetter;

  Measure(String reason, String key, boolean higherIsBetter) {
    this.reason = reason;
    this.key = key;
    this.higherIsBetter = higherIsBetter;
  }

  /** Why a face failing on this measure was not used, e.g. "too small". */
  public String reason() {
    return reason;
  }

  /** The camel-case name of the reason in JSON, e.g. {@code tooSmall}. */
  public String key() {
    return key;
  }

  /** Whether a larger value is a better face (false for yaw). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** This measure's value in {@code m}. */
  public double value(FaceMeasures m) {
    return switch (this) {
      case FACE_HEIGHT -> m.heightPx();
      case BRIGHTNESS -> m.brightness();
      case YAW -> m.yawDegrees();
      case SHARPNESS -> m.sharpness();
    };
  }
}
