package io.facetrail.faces.calibration;

import io.facetrail.contracts.code.FaceCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes distance thresholds on 128-byte codes for target false-accept rates from every
 * cross-identity pair of one set of identities, and checks them on a disjoint set. Distances are
 * exact integers in code units ({@link FaceCode#squaredCodeDistance}), counted in a histogram, so
 * tens of millions of impostor pairs need no sorting.
 */
public final class Calibrator {
  private static final int MAX_SQUARED = FaceCode.DIMENSIONS * 254 * 254;

  private Calibrator() {}

  /**
   * A face code and the identity it belongs to.
   *
   * @param identity any stable label of the person (never logged)
   * @param code the 128-byte code
   */
  public record Sample(int identity, byte[] code) {}

  /**
   * The aggregate code of several faces of one identity (as the matcher folds a track) and which
   * samples it was made of.
   *
   * @param identity the identity of every member
   * @param code the aggregate's 128-byte code
   * @param members indices of the member samples in the list the aggregate is compared with
   */
  public record Aggregate(int identity, byte[] code, int[] members) {}

  /** Pair counts by squared code distance. */
  static final class Histogram {
    final long[] impostor = new long[MAX_SQUARED + 1];
    final long[] genuine = new long[MAX_SQUARED + 1];
    long impostors;
    long genuines;

    static Histogram of(List<Sample> samples) {
      Histogram h = new Histogram();
      int n = samples.size();
      for (int i = 0; i < n; i++) {
        Sample a = samples.get(i);
        for (int j = i + 1; j < n; j++) {
          Sample b = samples.get(j);
          h.add(a.identity() == b.identity(), FaceCode.squaredCodeDistance(a.code(), b.code()));
        }
      }
      return h;
    }

    /**
     * Pairs across two models: code {@code i} of {@code a} with code {@code j} of {@code b}, where
     * {@code a.get(k)} and {@code b.get(k)} are the same photo seen by each model; a photo is never
     * paired with itself (in deployment a probe is never the gallery's own photo).
     */
    static Histogram across(List<Sample> a, List<Sample> b) {
      if (a.size() != b.size()) {
        throw new IllegalArgumentException(
            "cross-model samples must list the same photos: " + a.size() + " vs " + b.size());
      }
      Histogram h = new Histogram();
      for (int i = 0; i < a.size(); i++) {
        Sample x = a.get(i);
        for (int j = 0; j < b.size(); j++) {
          if (i != j) {
            Sample y = b.get(j);
            h.add(x.identity() == y.identity(), FaceCode.squaredCodeDistance(x.code(), y.code()));
          }
        }
      }
      return h;
    }

    /**
     * Every aggregate against every single sample: impostor pairs across identities, genuine pairs
     * with samples of the same identity that are not in the aggregate.
     */
    static Histogram ofAggregates(List<Aggregate> aggregates, List<Sample> samples) {
      Histogram h = new Histogram();
      for (Aggregate a : aggregates) {
        for (int j = 0; j < samples.size(); j++) {
          Sample b = samples.get(j);
          boolean same = a.identity() == b.identity();
          if (same && contains(a.members(), j)) {
            continue;
          }
          h.add(same, FaceCode.squaredCodeDistance(a.code(), b.code()));
        }
      }
      return h;
    }

    private static boolean contains(int[] members, int j) {
      for (int m : members) {
        if (m == j) {
          return true;
        }
      }
      return false;
    }

    private void add(boolean same, int d) {
      if (same) {
        genuine[d]++;
        genuines++;
      } else {
        impostor[d]++;
        impostors++;
      }
    }

    /**
     * Largest squared distance D whose impostor share at distance <= D stays within {@code far}.
     */
    int thresholdFor(double far) {
      long allowed = (long) Math.floor(far * impostors);
      long seen = 0;
      for (int d = 0; d <= MAX_SQUARED; d++) {
        seen += impostor[d];
        if (seen > allowed) {
          return Math.max(0, d - 1);
        }
      }
      return MAX_SQUARED;
    }

    double impostorRate(int squared) {
      return share(impostor, impostors, squared);
    }

    double genuineRate(int squared) {
      return share(genuine, genuines, squared);
    }

    private static double share(long[] counts, long total, int squared) {
      long s = 0;
      for (int d = 0; d <= squared; d++) {
        s += counts[d];
      }
      return total == 0 ? Double.NaN : s / (double) total;
    }
  }

  /**
   * The calibration table.
   *
   * @param fit samples of the identities the thresholds are chosen on
   * @param check samples of disjoint identities the thresholds are checked on
   * @param fars target false-accept rates, e.g. 1e-2, 1e-3, 1e-4
   */
  public static CalibrationTable calibrate(
      String modelId, String source, List<Sample> fit, List<Sample> check, double... fars) {
    return table(
        modelId, source, Histogram.of(fit), Histogram.of(check), fit.size(), check.size(), fars);
  }

  /**
   * The calibration table of comparisons between two models' codes (e.g. a new model's probe
   * against an old model's gallery): every pair of a code of one model with a code of the other, of
   * different photos.
   *
   * @param fitA samples of the fit identities by model A
   * @param fitB the same photos, in the same order, by model B
   * @param checkA samples of disjoint identities by model A
   * @param checkB the same photos by model B
   */
  public static CalibrationTable calibrateAcross(
      String modelId,
      String source,
      List<Sample> fitA,
      List<Sample> fitB,
      List<Sample> checkA,
      List<Sample> checkB,
      double... fars) {
    return table(
        modelId,
        source,
        Histogram.across(fitA, fitB),
        Histogram.across(checkA, checkB),
        fitA.size(),
        checkA.size(),
        fars);
  }

  /**
   * Thresholds for aggregates of {@code faces} faces against single faces, chosen on one set of
   * identities and checked on a disjoint one, at the same FARs as {@link #calibrate}.
   *
   * @param fitAggregates aggregates of the fit identities, members indexing {@code fitSamples}
   * @param checkAggregates aggregates of the check identities, members indexing {@code
   *     checkSamples}
   */
  public static CalibrationTable.TrackPoints calibrateTracks(
      int faces,
      List<Aggregate> fitAggregates,
      List<Sample> fitSamples,
      List<Aggregate> checkAggregates,
      List<Sample> checkSamples,
      double... fars) {
    Histogram f = Histogram.ofAggregates(fitAggregates, fitSamples);
    Histogram c = Histogram.ofAggregates(checkAggregates, checkSamples);
    if (f.impostors == 0 || c.impostors == 0) {
      throw new IllegalArgumentException("calibration needs at least two identities on each side");
    }
    return new CalibrationTable.TrackPoints(faces, points(f, c, fars));
  }

  private static List<CalibrationTable.Point> points(Histogram f, Histogram c, double... fars) {
    List<CalibrationTable.Point> points = new ArrayList<>();
    for (double far : fars) {
      int sq = f.thresholdFor(far);
      double threshold = Math.sqrt(Math.max(sq, 1)) / FaceCode.SCALE;
      points.add(new CalibrationTable.Point(far, threshold, c.impostorRate(sq), c.genuineRate(sq)));
    }
    return points;
  }

  private static CalibrationTable table(
      String modelId,
      String source,
      Histogram f,
      Histogram c,
      int fitCodes,
      int checkCodes,
      double... fars) {
    if (f.impostors == 0 || c.impostors == 0) {
      throw new IllegalArgumentException("calibration needs at least two identities on each side");
    }
    List<CalibrationTable.Point> points = points(f, c, fars);
    String counts =
        String.format(
            java.util.Locale.ROOT,
            "%s; fit: %d codes, %d impostor pairs; check: %d codes, %d impostor and %d genuine pairs",
            source,
            fitCodes,
            f.impostors,
            checkCodes,
            c.impostors,
            c.genuines);
    return new CalibrationTable(modelId, counts, points);
  }
}
