package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.code.FaceCode;

/**
 * A quality-weighted running sum of unit embeddings. The mean of unit vectors is shorter than one
 * (more so when they disagree), so it is re-normalised before it is quantised into a code.
 */
public final class EmbeddingMean {
  private final float[] sum;
  private double weight;
  private int count;

  public EmbeddingMean() {
    this(new float[FaceCode.DIMENSIONS], 0, 0);
  }

  EmbeddingMean(float[] sum, double weight, int count) {
    this.sum = sum;
    this.weight = weight;
    this.count = count;
  }

  /** Adds one unit embedding with the given weight (its quality). */
  public void add(float[] unit, double w) {
    if (unit.length != FaceCode.DIMENSIONS) {
      throw new IllegalArgumentException("expected " + FaceCode.DIMENSIONS + " values");
    }
    if (!(w > 0) || !Double.isFinite(w)) {
      throw new IllegalArgumentException("weight must be positive, got " + w);
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += (float) (unit[i] * w);
    }
    weight += w;
    count++;
  }

  /** Observations added. */
  public int count() {
    return count;
  }

  public double weight() {
    return weight;
  }

  /** The normalised mean, quantised; empty arrays are refused. */
  public byte[] code() {
    if (count == 0) {
      throw new IllegalStateException("no observation in the aggregate yet");
    }
    return FaceCode.quantise(FaceCode.normalise(sum));
  }

  float[] rawSum() {
    return sum;
  }
}
