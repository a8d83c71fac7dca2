package io.facetrail.matcher.decision;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.matcher.index.ModelCompatibility;
import io.facetrail.matcher.trained.ModelFolder;
import io.facetrail.matcher.trained.ModelFolders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distance thresholds per pair of models (the model of the query and the model of the stored code
 * it is compared with) for one {@link DecisionRate}: a false-positive identification rate per track
 * decision, turned into a per-comparison FAR for the current gallery size ({@link OpenSetRule}), or
 * a fixed per-comparison FAR (the expert setting). Same model: the table shipped on the class path,
 * else the model folder's {@code calibration.json}. Different models (declared compatible): the
 * query model folder's {@code calibration-<stored>.json}, else the stored model folder's {@code
 * calibration-<query>.json} (distances are symmetric, so either side's measurement serves). Each
 * pair keeps the threshold of the last gallery size asked for, so a threshold is recomputed when
 * the gallery's person count changes and not on every decision.
 */
public final class Thresholds {
  private static final Logger log = LoggerFactory.getLogger(Thresholds.class);

  /** Where the calibration table of a pair (query model, stored model) comes from. */
  @FunctionalInterface
  public interface Tables {
    Optional<CalibrationTable> forPair(String queryModel, String storedModel);
  }

  private final DecisionRate rate;
  private final Tables tables;
  private final ModelCompatibility declared;
  private final Map<String, Threshold> cache = new ConcurrentHashMap<>();
  private final Map<String, CalibrationTable> pairTables = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * @param rate what sets the threshold
   * @param tables the calibration table of a pair of models
   * @param declared which pairs of models may be compared at all
   */
  public Thresholds(DecisionRate rate, Tables tables, ModelCompatibility declared) {
    this.rate = rate;
    this.tables = tables;
    this.declared = declared;
  }

  /**
   * Thresholds at a fixed per-comparison FAR comparing equal model ids only.
   *
   * @param tables the calibration table of a model id ({@link CalibrationTable#forModel} in
   *     production)
   */
  public Thresholds(double falseAcceptRate, Function<String, Optional<CalibrationTable>> tables) {
    this(DecisionRate.perComparison(falseAcceptRate), sameModel(tables));
  }

  /** Thresholds at {@code rate} comparing equal model ids only. */
  public Thresholds(DecisionRate rate, Function<String, Optional<CalibrationTable>> tables) {
    this(rate, sameModel(tables), ModelCompatibility.sameModelOnly());
  }

  private Thresholds(DecisionRate rate, Tables tables) {
    this(rate, tables, ModelCompatibility.sameModelOnly());
  }

  private static Tables sameModel(Function<String, Optional<CalibrationTable>> tables) {
    return (q, s) -> q.equals(s) ? tables.apply(q) : Optional.empty();
  }

  /** Thresholds at a fixed per-comparison FAR from the shipped tables; equal model ids only. */
  public static Thresholds shipped(double falseAcceptRate) {
    return new Thresholds(falseAcceptRate, CalibrationTable::forModel);
  }

  /** Thresholds at a fixed per-comparison FAR from the shipped and the model folders' tables. */
  public static Thresholds of(double falseAcceptRate, ModelFolders models) {
    return of(DecisionRate.perComparison(falseAcceptRate), models);
  }

  /**
   * Thresholds at {@code rate} from the shipped tables and the configured model folders' tables.
   */
  public static Thresholds of(DecisionRate rate, ModelFolders models) {
    Tables tables =
        (q, s) ->
            q.equals(s)
                ? CalibrationTable.forModel(q).or(() -> models.table(q, q))
                : models.table(q, s).or(() -> models.table(s, q));
    return new Thresholds(rate, tables, models.compatibility());
  }

  public DecisionRate rate() {
    return rate;
  }

  /** The same tables and model pairs at another rate (e.g. clustering's link FPIR). */
  public Thresholds withRate(DecisionRate other) {
    return new Thresholds(other, tables, declared);
  }

  /**
   * The distance threshold at a fixed per-comparison FAR for codes of {@code modelId} compared with
   * codes of the same model.
   *
   * @throws NoCalibrationException when the model has no table or the FAR is outside its range
   * @throws IllegalStateException when the threshold depends on the gallery size (FPIR)
   */
  public double thresholdFor(String modelId) {
    return thresholdFor(modelId, modelId);
  }

  /**
   * The distance threshold at a fixed per-comparison FAR for a query of {@code queryModel} matched
   * to a stored code of {@code storedModel}.
   *
   * @throws NoCalibrationException when the pair has no table or the FAR is outside its range
   * @throws IllegalStateException when the threshold depends on the gallery size (FPIR)
   */
  public double thresholdFor(String queryModel, String storedModel) {
    if (rate.byFpir()) {
      throw new IllegalStateException("an FPIR threshold depends on the gallery size: use at()");
    }
    return at(queryModel, storedModel, 0).distance();
  }

  /**
   * The threshold for a query of {@code queryModel} matched to a stored code of {@code storedModel}
   * in a gallery of {@code persons} persons. With an FPIR, a gallery so large (or small) that the
   * FAR it needs lies outside the table's calibrated range gets the table's end point, logged once
   * per pair; the returned {@link Threshold#fpir()} then says what that end point gives.
   *
   * @throws NoCalibrationException when the pair has no table, or a fixed FAR is outside its range
   */
  public Threshold at(String queryModel, String storedModel, int persons) {
    return at(queryModel, storedModel, persons, 1);
  }

  /**
   * As {@link #at(String, String, int)} for a query that is the aggregate of {@code faces} faces (a
   * track's good frames): the table's thresholds for aggregates ({@link
   * CalibrationTable#thresholdFor(double, int)}), stricter than a single face's because an
   * aggregate sits closer to everybody.
   */
  public Threshold at(String queryModel, String storedModel, int persons, int faces) {
    // Read once per pair: this runs for every observation of every track.
    CalibrationTable table =
        pairTables.computeIfAbsent(
            queryModel + '\n' + storedModel,
            k ->
                tables
                    .forPair(queryModel, storedModel)
                    .orElseThrow(
                        () -> new NoCalibrationException(missing(queryModel, storedModel), null)));
    CalibrationTable.TrackPoints trackTable = table.tableFor(faces);
    int tableFaces = trackTable == null ? 1 : trackTable.faces();
    String key = queryModel + '\n' + storedModel + '\n' + tableFaces;
    Threshold cached = cache.get(key);
    if (cached != null && (cached.persons() == persons || !rate.byFpir())) {
      return cached;
    }
    Threshold t =
        rate.byFpir()
            ? byFpir(key, table, persons, tableFaces)
            : byFar(table, queryModel, storedModel, tableFaces);
    cache.put(key, t);
    return t;
  }

  private Threshold byFar(
      CalibrationTable table, String queryModel, String storedModel, int faces) {
    double far = rate.fixedFalseAcceptRate();
    try {
      return new Threshold(table.thresholdFor(far, faces), far, Double.NaN, 0);
    } catch (IllegalArgumentException e) {
      throw new NoCalibrationException(
          e.getMessage() + " (codes of " + queryModel + " against " + storedModel + ")", e);
    }
  }

  private Threshold byFpir(String key, CalibrationTable table, int persons, int faces) {
    double wanted = rate.falseAcceptRate(persons);
    double[] range = table.farRange(faces);
    double lowest = range[0];
    double highest = range[1];
    double far = Math.max(lowest, Math.min(highest, wanted));
    if (far != wanted && warned.add(key)) {
      log.warn(
          "{} against {} persons needs a per-comparison FAR of {}, outside the range {}..{} of"
              + " the calibration of {}: deciding at FAR {} (FPIR {})",
          rate,
          persons,
          wanted,
          lowest,
          highest,
          table.modelId(),
          far,
          OpenSetRule.fpir(far, persons));
    }
    return new Threshold(
        table.thresholdFor(far, faces), far, OpenSetRule.fpir(far, persons), persons);
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

  /** Whether {@link #at} gives a threshold for the pair. */
  public boolean decidable(String queryModel, String storedModel) {
    try {
      at(queryModel, storedModel, 1);
      return true;
    } catch (NoCalibrationException e) {
      return false;
    }
  }

  /**
   * The pairs the index may compare: declared compatible and calibrated (at a fixed FAR: covering
   * it). A match whose threshold could not be read would fail its decision, in a punctuator as well
   * as on a record, so a pair without a table is never compared (the wiring logs such pairs at
   * start).
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
        at(p.get(0), p.get(1), 1);
      } catch (NoCalibrationException e) {
        out.add(e.getMessage());
      }
    }
    return out;
  }
}
