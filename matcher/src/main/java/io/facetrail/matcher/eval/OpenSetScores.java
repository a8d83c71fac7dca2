package io.facetrail.matcher.eval;

import java.util.Arrays;

/**
 * The open-set scores of one set of searches: each search's accept distance, the smallest threshold
 * at which the matcher would name the person it names (the nearest person's distance when it passes
 * the margin test, else never). A mated search counts as identified only when it names its own
 * person; a stranger's search is a false positive whenever it names anybody.
 *
 * @param mated accept distances of mated searches (infinity: never correctly identified), sorted
 * @param strangers accept distances of never-enrolled persons' searches (infinity: never named
 *     anybody), sorted
 */
record OpenSetScores(double[] mated, double[] strangers) {
  OpenSetScores {
    mated = mated.clone();
    strangers = strangers.clone();
    Arrays.sort(mated);
    Arrays.sort(strangers);
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
