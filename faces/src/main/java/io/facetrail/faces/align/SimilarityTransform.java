package io.facetrail.faces.align;

/**
 * A 2-D similarity transform {@code (x, y) -> (a x - b y + tx, b x + a y + ty)}: rotation and
 * uniform scale (a = s cos t, b = s sin t) plus translation, with no reflection or shear.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {
  /**
   * The least-squares transform taking {@code from[i]} onto {@code to[i]} (Umeyama's closed form
   * for 2-D without reflection). Points are interleaved x, y.
   *
   * @throws IllegalArgumentException for fewer than two points, unequal lengths, or points that all
   *     coincide
   */
  public static SimilarityTransform fit(double[] from, double[] to) {
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
    double a = dot / norm;
    double b = cross / norm;
    return new SimilarityTransform(a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
  }

  /** The scale factor s. */
  public double scale() {
    return Math.hypot(a, b);
  }

  /** The rotation angle in radians. */
  public double angle() {
    return Math.atan2(b, a);
  }

  public double applyX(double x, double y) {
    return a * x - b * y + tx;
  }

  public double applyY(double x, double y) {
    return b * x + a * y + ty;
  }

  /** The inverse transform. */
  public SimilarityTransform inverse() {
    double d = a * a + b * b;
    double ia = a / d;
    double ib = -b / d;
    return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
  }

  /** This transform followed by {@code next}: {@code next(this(p))}. */
  public SimilarityTransform then(SimilarityTransform next) {
    return new SimilarityTransform(
        next.a * a - next.b * b,
        next.a * b + next.b * a,
        next.a * tx - next.b * ty + next.tx,
        next.b * tx + next.a * ty + next.ty);
  }

  /** Row-major 2x3 matrix for OpenCV's {@code warpAffine}. */
  public double[] toAffine() {
    return new double[] {a, -b, tx, b, a, ty};
  }
}
