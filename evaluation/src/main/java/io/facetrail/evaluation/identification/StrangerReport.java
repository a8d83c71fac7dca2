package io.facetrail.evaluation.identification;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.decision.Verdict;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.ModelCompatibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * How often tracks of people who are not enrolled are named, measured on tracks of real footage
 * against galleries of photos of other people. Every track's distance to every gallery person is
 * computed once; galleries of N persons are then random subsets of them. Two views:
 *
 * <ul>
 *   <li><b>Comparisons</b>: the share of (track, person) pairs within the calibrated threshold for
 *       a per-comparison FAR, at the thresholds the matcher uses for the track's number of good
 *       frames, beside the FAR the calibration promises. Best frames are judged as single faces.
 *   <li><b>Decisions</b>: the matcher's verdict ({@link DecisionPolicy}: threshold for the FPIR at
 *       the gallery's size and the track's good frames, margin to the second-nearest person) on
 *       each track against each drawn gallery: the share named, beside the configured FPIR.
 * </ul>
 *
 * Both also per band of the tracks' face quality, so that a gate can be judged by what it keeps.
 */
final class StrangerReport {
  /** Bands of a track's mean sharpness and face height (their lower edges). */
  static final double[] SHARPNESS_EDGES = {0, 0.005, 0.008, 0.012};

  static final double[] HEIGHT_EDGES = {0, 40, 60, 90};

  private final List<StrangerTrack> tracks;
  private final int persons;
  private final CalibrationTable table;
  private final DecisionPolicy policy;
  private final String modelId;
  private final int[][] aggregateDistances;
  private final List<int[]> frameDistances = new ArrayList<>();
  private final List<StrangerTrack> frameTracks = new ArrayList<>();

  /**
   * @param tracks the strangers' tracks (of {@code modelId})
   * @param gallery one enrolment code per gallery person
   */
  StrangerReport(
      List<StrangerTrack> tracks,
      List<byte[]> gallery,
      CalibrationTable table,
      DecisionPolicy policy) {
    this.tracks = List.copyOf(tracks);
    this.persons = gallery.size();
    this.table = table;
    this.policy = policy;
    this.modelId = table.modelId();
    aggregateDistances = new int[tracks.size()][];
    for (int t = 0; t < tracks.size(); t++) {
      aggregateDistances[t] = distances(tracks.get(t).aggregate(), gallery);
      for (byte[] frame : tracks.get(t).bestFrames()) {
        frameDistances.add(distances(frame, gallery));
        frameTracks.add(tracks.get(t));
      }
    }
  }

  /** Squared code distances, as the gallery index compares them. */
  private static int[] distances(byte[] code, List<byte[]> gallery) {
    int[] d = new int[gallery.size()];
    for (int p = 0; p < d.length; p++) {
      d[p] = FaceCode.squaredCodeDistance(code, gallery.get(p));
    }
    return d;
  }

  /** A named subset of the tracks (all, or a quality band). */
  record Band(String measure, String name, Predicate<FaceQuality> holds) {}

  /** Every band the report splits by: all tracks, then sharpness and height bands. */
  static List<Band> bands() {
    List<Band> out = new ArrayList<>();
    out.add(new Band("all", "all", q -> true));
    addBands(out, "sharpness", SHARPNESS_EDGES, FaceQuality::sharpness);
    addBands(out, "heightPx", HEIGHT_EDGES, FaceQuality::heightPx);
    out.add(new Band("measured", "no", q -> !q.measured()));
    return out;
  }

  private static void addBands(
      List<Band> out,
      String measure,
      double[] edges,
      java.util.function.ToDoubleFunction<FaceQuality> value) {
    for (int i = 0; i < edges.length; i++) {
      double low = edges[i];
      double high = i + 1 < edges.length ? edges[i + 1] : Double.POSITIVE_INFINITY;
      String name = Double.isInfinite(high) ? ">=" + low : low + "-" + high;
      out.add(
          new Band(
              measure,
              name,
              q -> q.measured() && value.applyAsDouble(q) >= low && value.applyAsDouble(q) < high));
    }
  }

  /**
   * Per FAR and band: (track, person) pairs within the threshold for the track's good frames, and
   * (best frame, person) pairs within the single-face threshold.
   */
  List<Map<String, Object>> comparisons(double[] fars) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (double far : fars) {
      for (Band band : bands()) {
        long pairs = 0;
        long accepted = 0;
        int bandTracks = 0;
        for (int t = 0; t < tracks.size(); t++) {
          StrangerTrack track = tracks.get(t);
          if (!band.holds().test(track.quality())) {
            continue;
          }
          bandTracks++;
          double threshold = table.thresholdFor(far, track.goodFrames());
          pairs += persons;
          accepted += within(aggregateDistances[t], threshold);
        }
        long framePairs = 0;
        long frameAccepted = 0;
        int frames = 0;
        double single = table.thresholdFor(far);
        for (int f = 0; f < frameDistances.size(); f++) {
          if (band.holds().test(frameTracks.get(f).quality())) {
            frames++;
            framePairs += persons;
            frameAccepted += within(frameDistances.get(f), single);
          }
        }
        if (bandTracks == 0) {
          continue;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("far", far);
        line.put("band", band.measure());
        line.put("range", band.name());
        line.put("tracks", bandTracks);
        line.put("trackPairs", pairs);
        line.put("trackAccepts", accepted);
        line.put("trackFar", OpenSetEval.round((double) accepted / pairs));
        line.put("trackFarRatio", OpenSetEval.round(accepted / (double) pairs / far));
        line.put("bestFrames", frames);
        line.put("frameAccepts", frameAccepted);
        line.put(
            "frameFar",
            framePairs == 0 ? null : OpenSetEval.round(frameAccepted / (double) framePairs));
        line.put(
            "frameFarRatio",
            framePairs == 0 ? null : OpenSetEval.round(frameAccepted / (double) framePairs / far));
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("strangerComparisons", line);
        out.add(wrapped);
      }
    }
    return out;
  }

  private static long within(int[] squared, double threshold) {
    double limit = FaceCode.toSquaredCodeDistance(threshold);
    long n = 0;
    for (int d : squared) {
      if (d <= limit) {
        n++;
      }
    }
    return n;
  }

  /**
   * Per gallery size, FPIR and band: the matcher's verdicts on every track against {@code draws}
   * galleries of that many persons drawn at random ({@code size} 0: every person, one draw).
   */
  List<Map<String, Object>> decisions(List<Integer> sizes, double[] fpirs, int draws, long seed) {
    List<Map<String, Object>> out = new ArrayList<>();
    Thresholds.Tables tables = (q, s) -> q.equals(s) ? Optional.of(table) : Optional.empty();
    for (int size : sizes) {
      int n = size == 0 || size > persons ? persons : size;
      int galleries = n == persons ? 1 : draws;
      // named[fpir][track]: how many of the drawn galleries named the track.
      int[][] named = new int[fpirs.length][tracks.size()];
      Thresholds[] thresholds = new Thresholds[fpirs.length];
      for (int f = 0; f < fpirs.length; f++) {
        thresholds[f] =
            new Thresholds(
                DecisionRate.ofFpir(fpirs[f]), tables, ModelCompatibility.sameModelOnly());
      }
      Random random = new Random(seed * 1_000_003L + n);
      int[] order = new int[persons];
      for (int i = 0; i < persons; i++) {
        order[i] = i;
      }
      for (int g = 0; g < galleries; g++) {
        partialShuffle(order, n, random);
        for (int t = 0; t < tracks.size(); t++) {
          List<Match> nearest = nearestTwo(aggregateDistances[t], order, n);
          int frames = tracks.get(t).goodFrames();
          for (int f = 0; f < fpirs.length; f++) {
            double threshold = thresholds[f].at(modelId, modelId, n, frames).distance();
            if (policy.judge(frames, nearest, threshold).kind() == Verdict.Kind.MATCH) {
              named[f][t]++;
            }
          }
        }
      }
      for (int f = 0; f < fpirs.length; f++) {
        for (Band band : bands()) {
          int bandTracks = 0;
          long decided = 0;
          long namedCount = 0;
          int everNamed = 0;
          for (int t = 0; t < tracks.size(); t++) {
            if (!band.holds().test(tracks.get(t).quality())) {
              continue;
            }
            bandTracks++;
            decided += galleries;
            namedCount += named[f][t];
            everNamed += named[f][t] > 0 ? 1 : 0;
          }
          if (bandTracks == 0) {
            continue;
          }
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("gallerySize", n);
          line.put("galleries", galleries);
          line.put("fpir", fpirs[f]);
          line.put("band", band.measure());
          line.put("range", band.name());
          line.put("tracks", bandTracks);
          line.put("decisions", decided);
          line.put("named", namedCount);
          line.put("measuredFpir", OpenSetEval.round(namedCount / (double) decided));
          line.put("ratio", OpenSetEval.round(namedCount / (double) decided / fpirs[f]));
          line.put("tracksEverNamed", everNamed);
          Map<String, Object> wrapped = new LinkedHashMap<>();
          wrapped.put("strangerDecisions", line);
          out.add(wrapped);
        }
      }
    }
    return out;
  }

  /** Puts a uniformly drawn {@code n}-subset of {@code order} in its first n places. */
  private static void partialShuffle(int[] order, int n, Random random) {
    for (int i = 0; i < n && i < order.length - 1; i++) {
      int j = i + random.nextInt(order.length - i);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }

  private List<Match> nearestTwo(int[] distances, int[] order, int n) {
    int best = -1;
    int second = -1;
    for (int i = 0; i < n; i++) {
      int p = order[i];
      if (best < 0 || distances[p] < distances[best]) {
        second = best;
        best = p;
      } else if (second < 0 || distances[p] < distances[second]) {
        second = p;
      }
    }
    List<Match> out = new ArrayList<>(2);
    for (int p : new int[] {best, second}) {
      if (p >= 0) {
        out.add(new Match("p" + p, "p" + p, distances[p], modelId));
      }
    }
    return out;
  }
}
