package io.facetrail.matcher.decision;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.matcher.index.ModelCompatibility;
import io.facetrail.matcher.trained.ModelFolder;
import io.facetrail.matcher.trained.ModelFolders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Distance thresholds for one false-accept rate, per pair of models: the model of the query and the
 * model of the stored code it is compared with. Same model: the table shipped on the class path,
 * else the model folder's {@code calibration.json}. Different models (declared compatible): the
 * query model folder's {@code calibration-<stored>.json}, else the stored model folder's {@code
 * calibration-<query>.json} (distances are symmetric, so either side's measurement serves).
 * Thresholds are cached per pair.
 */
public final class Thresholds {
  /** Where the calibration table of a pair (query model, stored model) comes from. */
  @FunctionalInterface
  public interface Tables {
    Optional<CalibrationTable> forPair(String queryModel, String storedModel);
  }

  private final double falseAcceptRate;
  private final Tables tables;
  private final ModelCompatibility declared;
  private final Map<String, Double> cache = new ConcurrentHashMap<>();

  /**
   * @param falseAcceptRate the configured per-comparison FAR
   * @param tables the calibration table of a pair of models
   * @param declared which pairs of models may be compared at all
   */
  public Thresholds(double falseAcceptRate, Tables tables, ModelCompatibility declared) {
    this.falseAcceptRate = falseAcceptRate;
    this.tables = tables;
    this.declared = declared;
  }

  /**
   * Thresholds comparing equal model ids only.
   *
   * @param tables the calibration table of a model id ({@link CalibrationTable#forModel} in
   *     production)
   */
  public Thresholds(double falseAcceptRate, Function<String, Optional<CalibrationTable>> tables) {
    this(
        falseAcceptRate,
        (q, s) -> q.equals(s) ? tables.apply(q) : Optional.empty(),
        ModelCompatibility.sameModelOnly());
  }

  /** Thresholds from the tables shipped on the class path; equal model ids only. */
  public static Thresholds shipped(double falseAcceptRate) {
    return new Thresholds(falseAcceptRate, CalibrationTable::forModel);
  }

  /** Thresholds from the shipped tables and the configured model folders' tables. */
  public static Thresholds of(double falseAcceptRate, ModelFolders models) {
    Tables tables =
        (q, s) ->
            q.equals(s)
                ? CalibrationTable.forModel(q).or(() -> models.table(q, q))
                : models.table(q, s).or(() -> models.table(s, q));
    return new Thresholds(falseAcceptRate, tables, models.compatibility());
  }

  public double falseAcceptRate() {
    return falseAcceptRate;
  }

  /**
   * The distance threshold (embedding units, on codes) for codes of {@code modelId} compared with
   * codes of the same model.
   *
   * @throws NoCalibrationException when the model has no table or the FAR is outside its range
   */
  public double thresholdFor(String modelId) {
    return thresholdFor(modelId, modelId);
  }

  /**
   * The distance threshold for a query of {@code queryModel} matched to a stored code of {@code
   * storedModel}.
   *
   * @throws NoCalibrationException when the pair has no table or the FAR is outside its range
   */
  public double thresholdFor(String queryModel, String storedModel) {
    String key = queryModel + '\n' + storedModel;
    Double cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    CalibrationTable table =
        tables
            .forPair(queryModel, storedModel)
            .orElseThrow(() -> new NoCalibrationException(missing(queryModel, storedModel), null));
    double t;
    try {
      t = table.thresholdFor(falseAcceptRate);
    } catch (IllegalArgumentException e) {
      throw new NoCalibrationException(
          e.getMessage() + " (codes of " + queryModel + " against " + storedModel + ")", e);
    }
    cache.put(key, t);
    return t;
  }

  private static String missing(String query, String stored) {
    if (query.equals(stored)) {
      return "no calibration table for model " + query + "; cannot decide identity";
    }
    return "no calibration table for codes of model "
        + query
        + " against codes of model "
        + stored
        + " (neither "
        + ModelFolder.crossTableName(stored)
        + " in the folder of "
        + query
        + " nor "
        + ModelFolder.crossTableName(query)
        + " in the folder of "
        + stored
        + "); cannot decide identity";
  }

  /** Whether {@link #thresholdFor(String, String)} gives a threshold for the pair. */
  public boolean decidable(String queryModel, String storedModel) {
    try {
      thresholdFor(queryModel, storedModel);
      return true;
    } catch (NoCalibrationException e) {
      return false;
    }
  }

  /**
   * The pairs the index may compare: declared compatible and calibrated at this FAR. A match whose
   * threshold could not be read would fail its decision, in a punctuator as well as on a record, so
   * a pair without a table is never compared (the wiring logs such pairs at start).
   */
  public ModelCompatibility comparable() {
    return declared.and(this::decidable);
  }

  /**
   * Messages for every declared pair of {@code models} (and every configured model against its own
   * codes) that has no usable table: codes of such a pair are not compared.
   */
  public List<String> uncalibrated(ModelFolders models) {
    List<List<String>> pairs = new ArrayList<>();
    models.ids().forEach(id -> pairs.add(List.of(id, id)));
    pairs.addAll(models.declaredPairs());
    List<String> out = new ArrayList<>();
    for (List<String> p : pairs) {
      try {
        thresholdFor(p.get(0), p.get(1));
      } catch (NoCalibrationException e) {
        out.add(e.getMessage());
      }
    }
    return out;
  }
}
