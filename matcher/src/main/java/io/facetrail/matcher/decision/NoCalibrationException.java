package io.facetrail.matcher.decision;

/**
 * A track's codes come from a model with no calibration table, or the configured false-accept rate
 * lies outside the calibrated range: no threshold can be derived, so no decision can be made.
 */
public final class NoCalibrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoCalibrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
