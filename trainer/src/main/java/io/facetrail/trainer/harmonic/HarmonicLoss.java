package io.facetrail.trainer.harmonic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.facetrail.trainer.triplet.MinedTriplets;
import io.facetrail.trainer.triplet.TripletLoss;

/**
 * The harmonic triplet loss: FaceNet's triplet loss over the union of the trained model's
 * embeddings (rows {@code 0..n-1}, carrying gradients) and the frozen model's embeddings of the
 * same faces (rows {@code n..2n-1}). The frozen side enters as plain numbers, a constant array with
 * no gradient, so nothing can flow back into the old model.
 *
 * <p>An optional tie term adds {@code tieWeight} times the mean squared distance between each
 * face's trained embedding and its frozen one. The triplet loss only asks a face's v2 embedding to
 * be nearer its v1 embedding than other people's by the margin; cross-model matching at v1's
 * threshold wants the two to coincide, which the tie asks directly.
 */
public final class HarmonicLoss {
  private final TripletLoss loss;
  private final float tieWeight;

  public HarmonicLoss(double margin) {
    this(margin, 0);
  }

  /**
   * @param margin the triplet margin on squared distances
   * @param tieWeight weight of the per-face tie term, 0 for none
   */
  public HarmonicLoss(double margin, double tieWeight) {
    if (!(tieWeight >= 0)) {
      throw new IllegalArgumentException("tie weight must be at least 0, is " + tieWeight);
    }
    this.loss = new TripletLoss(margin);
    this.tieWeight = (float) tieWeight;
  }

  /**
   * @param trained n x D L2-normalised embeddings of the trained model
   * @param frozen the frozen model's L2-normalised embeddings, row i of the same face as trained
   *     row i (at least n rows, D columns; the tie term uses the first n)
   * @param triplets rows of the union: trained rows first, then the frozen rows
   * @return a scalar; 0 when there are no triplets and no tie term
   */
  public NDArray evaluate(NDArray trained, float[][] frozen, MinedTriplets triplets) {
    NDManager m = trained.getManager();
    int d = (int) trained.getShape().get(1);
    float[] flat = new float[frozen.length * d];
    for (int i = 0; i < frozen.length; i++) {
      if (frozen[i].length != d) {
        throw new IllegalArgumentException(
            "frozen embeddings have " + frozen[i].length + " values, trained ones " + d);
      }
      System.arraycopy(frozen[i], 0, flat, i * d, d);
    }
    NDArray constant = m.create(flat, new Shape(frozen.length, d));
    NDArray triplet = loss.evaluate(trained.concat(constant, 0), triplets);
    if (tieWeight == 0) {
      return triplet;
    }
    long n = trained.getShape().get(0);
    if (frozen.length < n) {
      throw new IllegalArgumentException(
          "the tie term needs a frozen embedding per trained row: " + frozen.length + " < " + n);
    }
    NDArray own = constant.get("0:" + n);
    NDArray tie = trained.sub(own).square().sum(new int[] {1}).mean();
    return triplet.add(tie.mul(tieWeight));
  }

  public double tieWeight() {
    return tieWeight;
  }

  public double margin() {
    return loss.margin();
  }
}
