package io.facetrail.faces.align;

/**
 * Two lists of matching points reduced to what a least-squares fit between them needs: both
 * centroids and three sums over the centred points, {@code dot = Σ p·q}, {@code cross = Σ p×q} and
 * {@code norm = Σ |p|²} ({@code p} a source point, {@code q} its target). The similarity fit and
 * the shape predictor's square-box fit both start here, so the sums are written once.
 *
 * <p>In the least-squares similarity {@code [[a, -b], [b, a]]} the two parts decouple: {@code a =
 * dot / norm} is also the best uniform scale when no rotation is allowed, and {@code b = cross /
 * norm}.
 */
public record PointPairs(
    double fromX, double fromY, double toX, double toY, double dot, double cross, double norm) {

  /**
   * The pairs {@code from[i]} to {@code to[i]}, points interleaved x, y.
   *
   * @throws IllegalArgumentException for fewer than two points, unequal lengths, or source points
   *     that all coincide
   */
  public static PointPairs of(double[] from, double[] to) {
    if (from.length != to.length || from.length < 4 || from.length % 2 != 0) {
      throw new IllegalArgumentException(
          "need two equal-length lists of at least 2 points, got "
              + from.length / 2
              + " and "
              + to.length / 2);
    }
    int n = from.length / 2;
    double fx = 0;
    double fy = 0;
    double tx = 0;
    double ty = 0;
    for (int i = 0; i < n; i++) {
      fx += from[2 * i];
      fy += from[2 * i + 1];
      tx += to[2 * i];
      ty += to[2 * i + 1];
    }
    fx /= n;
    fy /= n;
    tx /= n;
    ty /= n;
    double dot = 0;
    double cross = 0;
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double x = from[2 * i] - fx;
      double y = from[2 * i + 1] - fy;
      double u = to[2 * i] - tx;
      double v = to[2 * i + 1] - ty;
      dot += x * u + y * v;
      cross += x * v - y * u;
      norm += x * x + y * y;
    }
    if (!(norm > 1e-12)) {
      throw new IllegalArgumentException("the source points coincide: no transform is defined");
    }
    return new PointPairs(fx, fy, tx, ty, dot, cross, norm);
  }

  /**
   * As {@link #of(double[], double[])} for single-precision points. Widening first gives the same
   * sums to the bit as accumulating the floats in doubles.
   */
  public static PointPairs of(float[] from, float[] to) {
    return of(widen(from), widen(to));
  }

  /** The best uniform scale taking the source onto the target without rotation (dot / norm). */
  public double scaleWithoutRotation() {
    return dot / norm;
  }

  /** The least-squares similarity taking the source points onto the targets. */
  public SimilarityTransform similarity() {
    double a = dot / norm;
    double b = cross / norm;
    return new SimilarityTransform(
        a, b, toX - (a * fromX - b * fromY), toY - (b * fromX + a * fromY));
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
