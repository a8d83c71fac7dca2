package io.facetrail.matcher.decision;

import io.facetrail.faces.calibration.CalibrationTable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Distance thresholds per model id for one false-accept rate, read from the calibration tables the
 * face-model library ships and cached.
 */
public final class Thresholds {
  private final double falseAcceptRate;
  private final Function<String, Optional<CalibrationTable>> tables;
  private final Map<String, Double> cache = new ConcurrentHashMap<>();

  /**
   * @param falseAcceptRate the configured per-comparison FAR
   * @param tables the calibration table of a model id ({@link CalibrationTable#forModel} in
   *     production)
   */
  public Thresholds(double falseAcceptRate, Function<String, Optional<CalibrationTable>> tables) {
    this.falseAcceptRate = falseAcceptRate;
    this.tables = tables;
  }

  /** Thresholds from the tables shipped on the class path. */
  public static Thresholds shipped(double falseAcceptRate) {
    return new Thresholds(falseAcceptRate, CalibrationTable::forModel);
  }

  public double falseAcceptRate() {
    return falseAcceptRate;
  }

  /**
   * The distance threshold (embedding units, on codes) for {@code modelId}.
   *
   * @throws NoCalibrationException when the model has no table or the FAR is outside its range
   */
  public double thresholdFor(String modelId) {
    Double cached = cache.get(modelId);
    if (cached != null) {
      return cached;
    }
    CalibrationTable table =
        tables
            .apply(modelId)
            .orElseThrow(
                () ->
                    new NoCalibrationException(
                        "no calibration table for model " + modelId + "; cannot decide identity",
                        null));
    double t;
    try {
      t = table.thresholdFor(falseAcceptRate);
    } catch (IllegalArgumentException e) {
      throw new NoCalibrationException(e.getMessage(), e);
    }
    cache.put(modelId, t);
    return t;
  }
}
