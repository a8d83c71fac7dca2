package io.facetrail.benchmarks.api;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of latencies in milliseconds. */
final class Percentiles {
  private final double[] sorted;

  Percentiles(double[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  double at(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
