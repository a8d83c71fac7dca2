package io.facetrail.tracker.track;

/** Distances and running means of unit-length face embeddings. */
public final class Appearance {
  private Appearance() {}

  /** Euclidean distance of two unit vectors, 0..2 (the unit of face-code distances). */
  public static double distance(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return Math.sqrt(Math.max(0, 2 - 2 * dot));
  }

  /**
   * Moves {@code mean} towards {@code sample} by {@code 1 - momentum} and re-normalises it in
   * place: an exponential moving average that follows slow changes (pose, lighting) while one odd
   * frame cannot pull it far.
   */
  public static void blend(float[] mean, float[] sample, double momentum) {
    double norm = 0;
    for (int i = 0; i < mean.length; i++) {
      double v = momentum * mean[i] + (1 - momentum) * sample[i];
      mean[i] = (float) v;
      norm += v * v;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < mean.length; i++) {
        mean[i] *= inv;
      }
    }
  }
}
