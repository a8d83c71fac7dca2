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
 */
public final class HarmonicLoss {
  private final TripletLoss loss;

  public HarmonicLoss(double margin) {
    this.loss = new TripletLoss(margin);
  }

  /**
   * @param trained n x D L2-normalised embeddings of the trained model
   * @param frozen the frozen model's L2-normalised embeddings (any number of rows, D columns)
   * @param triplets rows of the union: trained rows first, then the frozen rows
   * @return a scalar; 0 when there are no triplets
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
    return loss.evaluate(trained.concat(constant, 0), triplets);
  }

  public double margin() {
    return loss.margin();
  }
}
