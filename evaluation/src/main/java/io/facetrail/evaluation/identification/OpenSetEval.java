package io.facetrail.evaluation.identification;

import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.Threshold;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.decision.Verdict;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.SearchMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open-set identification measurement for one gallery: searches are judged by the matcher's own
 * {@link DecisionPolicy} (threshold and margin to the second-nearest person), and reported as a DET
 * (FNIR at given FPIRs, the threshold set on the strangers themselves) and at the operating points
 * the matcher would use ({@link Thresholds} at an FPIR for this gallery size).
 */
final class OpenSetEval {
  /** Enough good frames for any track: the eval judges aggregates of 1 photo too. */
  private static final int ALL_FRAMES = Integer.MAX_VALUE;

  private final GalleryIndex index = GalleryIndex.withDefaults();
  private final String modelId;
  private final DecisionPolicy policy;

  /**
   * @param gallery the persons and their enrolment codes
   * @param policy the matcher's decision policy (its margin ratio is applied)
   */
  OpenSetEval(Map<String, byte[]> gallery, String modelId, DecisionPolicy policy) {
    this.modelId = modelId;
    this.policy = policy;
    Instant t = Instant.EPOCH;
    List<PersonRecord> records = new ArrayList<>();
    gallery.forEach(
        (id, code) ->
            records.add(
                new PersonRecord(
                    new Person(id, id, Map.of(), t, t),
                    List.of(new StoredCode(id + "-0", modelId, code, "lfw", t)))));
    index.replaceAll(records);
  }

  int persons() {
    return index.personCount();
  }

  /**
   * The accept distance of a search: the nearest person's distance when the matcher would name that
   * person at a loose enough threshold (margin passed) and, for a mated search, that person is the
   * right one; otherwise infinity (never a correct identification / never a false alarm).
   */
  double acceptDistance(Probe p, boolean mated) {
    if (!p.decidable()) {
      return Double.POSITIVE_INFINITY;
    }
    List<Match> nearest = index.search(p.code(), modelId, 2, SearchMode.EXACT);
    Verdict v = policy.judge(ALL_FRAMES, nearest, Double.POSITIVE_INFINITY);
    if (v.kind() != Verdict.Kind.MATCH) {
      return Double.POSITIVE_INFINITY;
    }
    if (mated && !v.best().personId().equals(p.person())) {
      return Double.POSITIVE_INFINITY;
    }
    return v.bestDistance();
  }

  OpenSetScores scores(List<Probe> mated, List<Probe> strangers) {
    return new OpenSetScores(
        mated.stream().mapToDouble(p -> acceptDistance(p, true)).toArray(),
        strangers.stream().mapToDouble(p -> acceptDistance(p, false)).toArray(),
        mated.stream().mapToInt(Probe::faces).toArray(),
        strangers.stream().mapToInt(Probe::faces).toArray());
  }

  /** FNIR at each FPIR, the threshold set on the strangers (a DET curve's points). */
  static List<Map<String, Object>> det(OpenSetScores s, double[] fpirs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (double fpir : fpirs) {
      double t = s.thresholdAtFpir(fpir);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("fpir", fpir);
      // Null with a FNIR: any threshold keeps the FPIR (the margin test alone rejects enough).
      point.put("threshold", Double.isFinite(t) ? round(t) : null);
      point.put("fnir", Double.isNaN(t) ? null : round(s.fnirAt(t)));
      point.put("measuredFpir", Double.isNaN(t) ? null : round(s.fpirAt(t)));
      out.add(point);
    }
    return out;
  }

  /**
   * The DET points, each also with the per-comparison FAR its threshold has in the calibration
   * table and the number of independent comparisons per person that FAR and the measured FPIR imply
   * ({@code log(1 - FPIR) / (N log(1 - FAR))}; 1 is {@link
   * io.facetrail.matcher.decision.OpenSetRule}'s assumption).
   */
  List<Map<String, Object>> det(OpenSetScores s, double[] fpirs, Thresholds.Tables tables) {
    List<Map<String, Object>> out = det(s, fpirs);
    var table = tables.forPair(modelId, modelId).orElseThrow();
    for (Map<String, Object> point : out) {
      if (point.get("threshold") instanceof Double t
          && point.get("measuredFpir") instanceof Double f
          && f > 0) {
        double far = CalibrationInverse.falseAcceptRateAt(table, t);
        point.put("tableFalseAcceptRate", Double.isNaN(far) ? null : far);
        point.put(
            "comparisonsPerPerson",
            Double.isNaN(far) ? null : round(Math.log1p(-f) / (persons() * Math.log1p(-far))));
      }
    }
    return out;
  }

  /**
   * The matcher's operating point at each configured FPIR for this gallery size (calibration table
   * and {@link io.facetrail.matcher.decision.OpenSetRule}): the FPIR it measures on the strangers,
   * its ratio to the configured one, and the FNIR it costs.
   */
  List<Map<String, Object>> operatingPoints(
      OpenSetScores s, double[] fpirs, Thresholds.Tables tables, int faces) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (double fpir : fpirs) {
      Thresholds thresholds =
          new Thresholds(
              DecisionRate.ofFpir(fpir),
              tables,
              io.facetrail.matcher.index.ModelCompatibility.sameModelOnly());
      // Each search at the threshold for its own faces, as the matcher judges a track; the line
      // shows the threshold of a full track of this kind.
      Threshold t = thresholds.at(modelId, modelId, persons(), faces);
      java.util.function.IntToDoubleFunction perSearch =
          n -> thresholds.at(modelId, modelId, persons(), n).distance();
      double measured = s.fpirAt(perSearch);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("configuredFpir", fpir);
      point.put("decidedAtFpir", round(t.fpir()));
      point.put("falseAcceptRate", t.falseAcceptRate());
      point.put("threshold", round(t.distance()));
      point.put("measuredFpir", round(measured));
      point.put("ratio", round(measured / fpir));
      point.put("fnir", round(s.fnirAt(perSearch)));
      out.add(point);
    }
    return out;
  }

  /** Six decimals for rates and distances (0..2); anything else as it is. */
  static double round(double v) {
    return Double.isFinite(v) && Math.abs(v) < 1e6 ? Math.round(v * 1e6) / 1e6 : v;
  }
}
