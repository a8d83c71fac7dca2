package io.facetrail.shots;

import java.time.Duration;

/**
 * Parameters of shot detection. Dissimilarities are 1 - correlation of the luma grids at the best
 * global shift (see {@link Comparison}).
 *
 * @param cutFloor a cut needs at least this dissimilarity between consecutive frames
 * @param cutSpread ... and this many times the shot's usual frame-to-frame spread above its usual
 *     dissimilarity (median): busy scenes (a crowd walking, a shaking camera) need more
 * @param cutCeiling ... but never more than this, however busy the shot
 * @param lookahead frames after a candidate cut that must stay unlike the frame before it: a camera
 *     flash or a one-frame glitch comes back within this many frames and is no cut
 * @param gradualWindow a dissolve is found by comparing each frame with the frame this long before
 * @param gradualFloor a dissolve needs at least this dissimilarity across the window
 * @param gradualSpread ... and this many spreads above the shot's usual dissimilarity across it
 * @param gradualCeiling ... but never more than this
 * @param blankStd a frame whose luma standard deviation is below this (grey levels) is blank: the
 *     middle of a fade; the first frame with content after blank ones starts a new shot
 * @param maxShiftX largest global shift between compared frames, in grid cells of 64 per width
 * @param maxShiftY largest global shift, in grid cells of 36 per height
 * @param minShot after a boundary, no dissolve is looked for during this long (the tail of one
 *     dissolve is not another)
 */
public record ShotSettings(
    double cutFloor,
    double cutSpread,
    double cutCeiling,
    int lookahead,
    Duration gradualWindow,
    double gradualFloor,
    double gradualSpread,
    double gradualCeiling,
    double blankStd,
    int maxShiftX,
    int maxShiftY,
    Duration minShot) {

  public ShotSettings {
    requireUnit("cutFloor", cutFloor);
    requireUnit("cutCeiling", cutCeiling);
    requireUnit("gradualFloor", gradualFloor);
    requireUnit("gradualCeiling", gradualCeiling);
    if (cutCeiling < cutFloor || gradualCeiling < gradualFloor) {
      throw new IllegalArgumentException("a ceiling is below its floor");
    }
    if (cutSpread < 0 || gradualSpread < 0 || blankStd < 0) {
      throw new IllegalArgumentException("spreads and blankStd must not be negative");
    }
    if (lookahead < 0 || lookahead > 10) {
      throw new IllegalArgumentException("lookahead is " + lookahead + ", not in 0..10");
    }
    if (maxShiftX < 0 || maxShiftX > 24 || maxShiftY < 0 || maxShiftY > 14) {
      throw new IllegalArgumentException("maxShift out of range (0..24 x 0..14 cells)");
    }
    if (gradualWindow.isNegative() || gradualWindow.isZero() || minShot.isNegative()) {
      throw new IllegalArgumentException("gradualWindow must be positive, minShot not negative");
    }
  }

  /** The defaults, chosen on the development sequences of {@code eval shots} (see its README). */
  public static ShotSettings defaults() {
    return new ShotSettings(
        0.35,
        6.0,
        0.75,
        2,
        Duration.ofMillis(1000),
        0.5,
        4.0,
        0.85,
        6.0,
        8,
        6,
        Duration.ofMillis(1000));
  }

  private static void requireUnit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " is " + v + ", not in 0..1");
    }
  }
}
