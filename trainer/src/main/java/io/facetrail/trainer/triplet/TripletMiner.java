package io.facetrail.trainer.triplet;

import java.util.Arrays;

/**
 * Online triplet mining inside a batch (FaceNet, section 3.2): every anchor-positive pair is used;
 * its negative is semi-hard, i.e. farther from the anchor than the positive but within the margin
 * ({@code d(a,p) < d(a,n) < d(a,p) + margin}, squared L2 distances). Of the semi-hard negatives the
 * closest is taken. Only when none exists is the hardest (closest) negative used, as a fallback:
 * hardest negatives from the start collapse the embedding (the paper's observation).
 */
public final class TripletMiner {
  private final double margin;

  /**
   * @param margin the triplet margin on squared distances (FaceNet: 0.2)
   */
  public TripletMiner(double margin) {
    if (!(margin > 0)) {
      throw new IllegalArgumentException("margin must be positive, is " + margin);
    }
    this.margin = margin;
  }

  /**
   * Mines the triplets of one batch of a single model.
   *
   * @param embeddings one L2-normalised row per face
   * @param labels the identity of each row
   */
  public MinedTriplets mine(float[][] embeddings, int[] labels) {
    if (labels.length != embeddings.length) {
      throw new IllegalArgumentException(
          embeddings.length + " embeddings but " + labels.length + " labels");
    }
    return mine(embeddings, labels, new boolean[embeddings.length]);
  }

  /**
   * Mines the triplets of one batch holding two models' embeddings (harmonic embeddings, FaceNet
   * section 6): rows of a frozen old model (v1) and of the model being trained (v2) share one
   * identity label space, so triplets mix models. A triplet made only of frozen rows is constant
   * (no gradient can change it) and is never mined: when anchor and positive are both frozen, the
   * negative is taken among the trainable rows.
   *
   * @param embeddings one L2-normalised row per face and model
   * @param labels the identity of each row
   * @param frozen whether each row comes from the frozen model
   */
  public MinedTriplets mine(float[][] embeddings, int[] labels, boolean[] frozen) {
    int n = embeddings.length;
    if (labels.length != n || frozen.length != n) {
      throw new IllegalArgumentException(
          n + " embeddings, " + labels.length + " labels, " + frozen.length + " model flags");
    }
    double[][] d = squaredDistances(embeddings);
    int capacity = 0;
    for (int a = 0; a < n; a++) {
      for (int p = 0; p < n; p++) {
        if (p != a && labels[p] == labels[a]) {
          capacity++;
        }
      }
    }
    int[] as = new int[capacity];
    int[] ps = new int[capacity];
    int[] ns = new int[capacity];
    int count = 0;
    int semiHard = 0;
    int active = 0;
    for (int a = 0; a < n; a++) {
      for (int p = 0; p < n; p++) {
        if (p == a || labels[p] != labels[a]) {
          continue;
        }
        boolean negativeMustTrain = frozen[a] && frozen[p];
        double dap = d[a][p];
        int semi = -1;
        int hardest = -1;
        for (int k = 0; k < n; k++) {
          if (labels[k] == labels[a] || (negativeMustTrain && frozen[k])) {
            continue;
          }
          double dan = d[a][k];
          if (hardest < 0 || dan < d[a][hardest]) {
            hardest = k;
          }
          if (dan > dap && dan < dap + margin && (semi < 0 || dan < d[a][semi])) {
            semi = k;
          }
        }
        if (hardest < 0) {
          continue; // no usable negative in this batch (e.g. one identity only)
        }
        int neg = semi >= 0 ? semi : hardest;
        semiHard += semi >= 0 ? 1 : 0;
        active += dap - d[a][neg] + margin > 0 ? 1 : 0;
        as[count] = a;
        ps[count] = p;
        ns[count] = neg;
        count++;
      }
    }
    return new MinedTriplets(
        Arrays.copyOf(as, count),
        Arrays.copyOf(ps, count),
        Arrays.copyOf(ns, count),
        semiHard,
        active);
  }

  public double margin() {
    return margin;
  }

  static double[][] squaredDistances(float[][] e) {
    int n = e.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < e[i].length; k++) {
          double x = e[i][k] - e[j][k];
          s += x * x;
        }
        d[i][j] = s;
        d[j][i] = s;
      }
    }
    return d;
  }
}
