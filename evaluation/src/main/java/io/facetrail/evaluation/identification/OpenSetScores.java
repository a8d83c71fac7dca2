package io.facetrail.evaluation.identification;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The open-set scores of one set of searches: each search's accept distance, the smallest threshold
 * at which the matcher would name the person it names (the nearest person's distance when it passes
 * the margin test, else never). A mated search counts as identified only when it names its own
 * person; a stranger's search is a false positive whenever it names anybody.
 *
 * @param mated accept distances of mated searches (infinity: never correctly identified), sorted
 * @param strangers accept distances of never-enrolled persons' searches (infinity: never named
 *     anybody), sorted
 * @param matedFaces faces in each mated search's aggregate, in the order of {@code mated}
 * @param strangerFaces faces in each stranger's search, in the order of {@code strangers}
 */
record OpenSetScores(double[] mated, double[] strangers, int[] matedFaces, int[] strangerFaces) {
  OpenSetScores {
    if (mated.length != matedFaces.length || strangers.length != strangerFaces.length) {
      throw new IllegalArgumentException("one face count per search");
    }
    int[] m = order(mated);
    int[] s = order(strangers);
    mated = permute(mated, m);
    matedFaces = permute(matedFaces, m);
    strangers = permute(strangers, s);
    strangerFaces = permute(strangerFaces, s);
  }

  /** Scores of single-face searches. */
  OpenSetScores(double[] mated, double[] strangers) {
    this(mated, strangers, ones(mated.length), ones(strangers.length));
  }

  /**
   * FPIR when each search is judged at the threshold for its own number of faces, as the matcher
   * judges tracks.
   */
  double fpirAt(IntToDoubleFunction thresholdForFaces) {
    return strangers.length == 0
        ? Double.NaN
        : accepted(strangers, strangerFaces, thresholdForFaces) / (double) strangers.length;
  }

  /** FNIR when each search is judged at the threshold for its own number of faces. */
  double fnirAt(IntToDoubleFunction thresholdForFaces) {
    return mated.length == 0
        ? Double.NaN
        : 1 - accepted(mated, matedFaces, thresholdForFaces) / (double) mated.length;
  }

  private static int accepted(double[] d, int[] faces, IntToDoubleFunction threshold) {
    int n = 0;
    for (int i = 0; i < d.length; i++) {
      if (d[i] != Double.POSITIVE_INFINITY && d[i] <= threshold.applyAsDouble(faces[i])) {
        n++;
      }
    }
    return n;
  }

  private static int[] order(double[] values) {
    return IntStream.range(0, values.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> values[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double[] permute(double[] v, int[] order) {
    double[] out = new double[v.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = v[order[i]];
    }
    return out;
  }

  private static int[] permute(int[] v, int[] order) {
    int[] out = new int[v.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = v[order[i]];
    }
    return out;
  }

  private static int[] ones(int n) {
    int[] out = new int[n];
    Arrays.fill(out, 1);
    return out;
  }

  /** False-positive identification rate at threshold {@code t}: strangers named. */
  double fpirAt(double t) {
    return strangers.length == 0
        ? Double.NaN
        : countAtMost(strangers, t) / (double) strangers.length;
  }

  /** False-negative identification rate at threshold {@code t}: mated searches not identified. */
  double fnirAt(double t) {
    return mated.length == 0 ? Double.NaN : 1 - countAtMost(mated, t) / (double) mated.length;
  }

  /**
   * The largest threshold whose measured FPIR does not exceed {@code fpir} (a point of the DET
   * curve, set on these strangers themselves); NaN when fewer than one false positive in {@code
   * 1/fpir} strangers can be told apart, i.e. when {@code fpir * strangers < 1}.
   */
  double thresholdAtFpir(double fpir) {
    int allowed = (int) Math.floor(fpir * strangers.length);
    if (allowed < 1) {
      return Double.NaN;
    }
    // Accepting exactly `allowed` strangers: just under the next stranger's distance (infinity when
    // the margin test alone keeps the rest from being named).
    return allowed >= strangers.length || strangers[allowed] == Double.POSITIVE_INFINITY
        ? Double.POSITIVE_INFINITY
        : Math.nextDown(strangers[allowed]);
  }

  /** Searches accepted at threshold {@code t}; a search never accepted stays so at any t. */
  private static int countAtMost(double[] sorted, double t) {
    if (t == Double.POSITIVE_INFINITY) {
      t = Double.MAX_VALUE;
    }
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
