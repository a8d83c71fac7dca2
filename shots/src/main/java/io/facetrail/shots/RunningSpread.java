package io.facetrail.shots;

import java.util.Arrays;

/**
 * The usual level and spread of a shot's recent dissimilarities: the median and the median absolute
 * deviation of the last {@link #CAPACITY} values. Robust statistics, so one odd frame (a flash, a
 * person stepping past the lens) does not move the threshold the next cut is judged by.
 */
final class RunningSpread {
  static final int CAPACITY = 32;

  /** Fewer values than this say nothing about the shot yet: thresholds stay at their floor. */
  static final int MIN_VALUES = 5;

  private final double[] values = new double[CAPACITY];
  private int size;
  private int next;

  void add(double v) {
    values[next] = v;
    next = (next + 1) % CAPACITY;
    size = Math.min(size + 1, CAPACITY);
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
    next = 0;
  }

  /** {@code median + spread * mad}, within [floor, ceiling]; the floor until enough values. */
  double threshold(double floor, double spread, double ceiling) {
    if (size < MIN_VALUES) {
      return floor;
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    double median = median(sorted);
    double[] deviations = new double[size];
    for (int i = 0; i < size; i++) {
      deviations[i] = Math.abs(sorted[i] - median);
    }
    Arrays.sort(deviations);
    // A floor on the spread: a static camera's near-zero MAD would make any small change a cut.
    double mad = Math.max(median(deviations), 0.01);
    return Math.min(ceiling, Math.max(floor, median + spread * mad));
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
