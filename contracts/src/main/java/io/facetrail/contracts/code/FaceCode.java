package io.facetrail.contracts.code;

/**
 * Quantisation of an L2-normalised 128-D embedding to 128 signed bytes and distances on codes.
 *
 * <p>The code is {@code round(x * SCALE)} clamped to [-127, 127]. A fixed scale (rather than one
 * per vector) keeps codes comparable byte by byte, so a gallery scan needs no per-code work. The
 * components of a unit 128-D vector have a standard deviation near 1/sqrt(128) = 0.088; a scale of
 * 256 covers |x| up to 0.496 (beyond what face embeddings reach in practice) in steps of 0.0039,
 * adding an error of about 0.013 to a distance (sqrt(128) * 0.0039 / sqrt(12)), small beside
 * verification thresholds near 1.
 */
public final class FaceCode {
  /** Length of an embedding and of its code. */
  public static final int DIMENSIONS = 128;

  /** Quantisation scale: code = round(component * SCALE). */
  public static final float SCALE = 256f;

  private FaceCode() {}

  /** Quantises a normalised embedding. */
  public static byte[] quantise(float[] embedding) {
    requireLength(embedding.length);
    byte[] code = new byte[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      float q = Math.round(embedding[i] * SCALE);
      code[i] = (byte) Math.max(-127, Math.min(127, q));
    }
    return code;
  }

  /**
   * What makes {@code code} unusable as the code of a normalised embedding, or null when nothing
   * does. It must hold {@value #DIMENSIONS} values in [-127, 127] ({@link #quantise} never writes
   * -128, and a -128 would not survive {@link #dequantise} and {@link #quantise}) and must not be
   * all zero (no unit vector quantises to it, and {@link #normalise}, as every consumer of codes
   * does, refuses it). The record validators apply this, so a consumer never meets such a code.
   */
  public static String problem(byte[] code) {
    if (code.length != DIMENSIONS) {
      return "has " + code.length + " bytes, not " + DIMENSIONS;
    }
    boolean zero = true;
    for (int i = 0; i < DIMENSIONS; i++) {
      if (code[i] == Byte.MIN_VALUE) {
        return "holds -128 at " + i + ", outside the code range -127..127";
      }
      zero &= code[i] == 0;
    }
    return zero ? "is all zero, the code of no normalised embedding" : null;
  }

  /** The embedding a code stands for (not re-normalised). */
  public static float[] dequantise(byte[] code) {
    requireLength(code.length);
    float[] v = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      v[i] = code[i] / SCALE;
    }
    return v;
  }

  /** Squared distance in code units (integer, exact): the quantity a gallery scan ranks by. */
  public static int squaredCodeDistance(byte[] a, byte[] b) {
    requireLength(a.length);
    requireLength(b.length);
    int sum = 0;
    for (int i = 0; i < DIMENSIONS; i++) {
      int d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }

  /** Euclidean distance between two codes, in embedding units (0..2 for unit vectors). */
  public static float distance(byte[] a, byte[] b) {
    return (float) Math.sqrt(squaredCodeDistance(a, b)) / SCALE;
  }

  /** Converts a distance in embedding units to the squared code distance it corresponds to. */
  public static double toSquaredCodeDistance(double distance) {
    double d = distance * SCALE;
    return d * d;
  }

  /** Euclidean distance between two float embeddings. */
  public static float distance(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return (float) Math.sqrt(sum);
  }

  /** Returns a unit-length copy of {@code v}; a zero vector is refused. */
  public static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (!(sum > 0) || !Double.isFinite(sum)) {
      throw new IllegalArgumentException("cannot normalise a zero or non-finite vector");
    }
    float inv = (float) (1 / Math.sqrt(sum));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  private static void requireLength(int length) {
    if (length != DIMENSIONS) {
      throw new IllegalArgumentException("expected " + DIMENSIONS + " values, got " + length);
    }
  }
}
