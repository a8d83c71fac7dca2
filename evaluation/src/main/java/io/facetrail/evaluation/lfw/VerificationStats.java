package io.facetrail.evaluation.lfw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verification statistics over pair distances: the 10-fold protocol (threshold chosen on nine
 * folds, accuracy measured on the tenth), TAR at a fixed FAR, and ROC points.
 */
public final class VerificationStats {
  private VerificationStats() {}

  /** Distances and labels of one fold. */
  public record Fold(double[] distances, boolean[] same) {}

  /**
   * Result of the k-fold protocol.
   *
   * @param accuracies per held-out fold
   * @param thresholds per held-out fold, chosen on the others
   */
  public record KFold(double[] accuracies, double[] thresholds) {
    public double mean() {
      return Arrays.stream(accuracies).average().orElse(Double.NaN);
    }

    /** Sample standard deviation over folds. */
    public double std() {
      double m = mean();
      double s = 0;
      for (double a : accuracies) {
        s += (a - m) * (a - m);
      }
      return accuracies.length > 1 ? Math.sqrt(s / (accuracies.length - 1)) : 0;
    }

    public double meanThreshold() {
      return Arrays.stream(thresholds).average().orElse(Double.NaN);
    }
  }

  public static KFold kFold(List<Fold> folds) {
    int k = folds.size();
    double[] acc = new double[k];
    double[] thr = new double[k];
    for (int test = 0; test < k; test++) {
      List<Fold> train = new ArrayList<>(folds);
      train.remove(test);
      Fold merged = merge(train);
      thr[test] = bestThreshold(merged.distances(), merged.same());
      acc[test] = accuracy(folds.get(test), thr[test]);
    }
    return new KFold(acc, thr);
  }

  /** Accuracy when pairs closer than {@code threshold} are called the same person. */
  public static double accuracy(Fold f, double threshold) {
    int right = 0;
    for (int i = 0; i < f.distances().length; i++) {
      if ((f.distances()[i] < threshold) == f.same()[i]) {
        right++;
      }
    }
    return right / (double) f.distances().length;
  }

  /** The threshold (midway between neighbouring distances) with the best accuracy. */
  public static double bestThreshold(double[] d, boolean[] same) {
    Integer[] order = new Integer[d.length];
    for (int i = 0; i < d.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
    int positives = 0;
    for (boolean s : same) {
      positives += s ? 1 : 0;
    }
    // Threshold below every distance: all called different, so every negative is right.
    int right = d.length - positives;
    int best = right;
    double bestT = d.length > 0 ? d[order[0]] - 1e-6 : 0;
    for (int i = 0; i < d.length; i++) {
      right += same[order[i]] ? 1 : -1;
      boolean tie = i + 1 < d.length && d[order[i + 1]] == d[order[i]];
      if (!tie && right > best) {
        best = right;
        bestT = i + 1 < d.length ? (d[order[i]] + d[order[i + 1]]) / 2 : d[order[i]] + 1e-6;
      }
    }
    return bestT;
  }

  /**
   * Share of genuine pairs accepted at the largest threshold whose FAR stays at most {@code far}.
   */
  public static double tarAtFar(double[] d, boolean[] same, double far) {
    List<Double> impostors = new ArrayList<>();
    List<Double> genuine = new ArrayList<>();
    for (int i = 0; i < d.length; i++) {
      (same[i] ? genuine : impostors).add(d[i]);
    }
    double threshold =
        thresholdAtFar(impostors.stream().mapToDouble(Double::doubleValue).toArray(), far);
    long accepted = genuine.stream().filter(g -> g < threshold).count();
    return genuine.isEmpty() ? Double.NaN : accepted / (double) genuine.size();
  }

  /**
   * The largest threshold t such that the share of impostor distances below t is at most {@code
   * far}.
   */
  public static double thresholdAtFar(double[] impostors, double far) {
    double[] s = impostors.clone();
    Arrays.sort(s);
    int allowed = (int) Math.floor(far * s.length);
    return allowed < s.length ? s[allowed] : Double.POSITIVE_INFINITY;
  }

  /** ROC points (FAR, TAR) at each distinct distance, for plotting. */
  public static double[][] roc(double[] d, boolean[] same) {
    Integer[] order = new Integer[d.length];
    for (int i = 0; i < d.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
    int pos = 0;
    for (boolean s : same) {
      pos += s ? 1 : 0;
    }
    int neg = d.length - pos;
    double[][] pts = new double[d.length][];
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < d.length; i++) {
      if (same[order[i]]) {
        tp++;
      } else {
        fp++;
      }
      pts[i] = new double[] {fp / (double) Math.max(1, neg), tp / (double) Math.max(1, pos)};
    }
    return pts;
  }

  static Fold merge(List<Fold> folds) {
    int n = folds.stream().mapToInt(f -> f.distances().length).sum();
    double[] d = new double[n];
    boolean[] s = new boolean[n];
    int k = 0;
    for (Fold f : folds) {
      System.arraycopy(f.distances(), 0, d, k, f.distances().length);
      System.arraycopy(f.same(), 0, s, k, f.same().length);
      k += f.distances().length;
    }
    return new Fold(d, s);
  }
}
