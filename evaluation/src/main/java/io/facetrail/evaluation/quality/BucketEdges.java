package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.Measure;
import java.util.Locale;

/**
 * The lower edges of the buckets measured per {@link Measure}, in its unit. Face heights bracket
 * the sizes (24, 32, 40, 60, 90, 150 px); yaw the detection evaluation's 0-15, 15-45, 45-75
 * degrees, split finer; brightness and sharpness follow the spread their degradations produce.
 */
final class BucketEdges {
  private BucketEdges() {}

  static double[] of(Measure m) {
    return switch (m) {
      case FACE_HEIGHT -> new double[] {0, 28, 36, 50, 75, 120};
      case BRIGHTNESS -> new double[] {0, 8, 12, 18, 25, 35, 50, 70};
      case YAW -> new double[] {0, 15, 30, 45, 60, 75};
      case SHARPNESS -> new double[] {0, 0.002, 0.003, 0.005, 0.008, 0.013};
    };
  }

  /** Index of the bucket of {@code value}: the last edge it reaches, 0 below the first. */
  static int index(Measure m, double value) {
    double[] e = of(m);
    int k = 0;
    for (int i = 0; i < e.length; i++) {
      if (value >= e[i]) {
        k = i;
      }
    }
    return k;
  }

  /** E.g. {@code 28-36} or {@code 120+}. */
  static String label(Measure m, int index) {
    double[] e = of(m);
    String from = fmt(e[index]);
    return index + 1 < e.length ? from + "-" + fmt(e[index + 1]) : from + "+";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
