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
    return PointPairs.of(from, to).similarity();
  }

  /** As {@link #fit(double[], double[])} for single-precision points. */
  public static SimilarityTransform fit(float[] from, float[] to) {
    return PointPairs.of(from, to).similarity();
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
