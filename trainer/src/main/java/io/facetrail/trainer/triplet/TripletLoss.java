package io.facetrail.trainer.triplet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The triplet loss of FaceNet on mined triplets: the mean over triplets of {@code max(0,
 * |f(a)-f(p)|^2 - |f(a)-f(n)|^2 + margin)}, on embeddings already L2-normalised. Computed with
 * NDArray operations so gradients reach the network.
 */
public final class TripletLoss {
  private final double margin;

  public TripletLoss(double margin) {
    this.margin = margin;
  }

  /**
   * @param embeddings N x D, L2-normalised rows
   * @param triplets rows of {@code embeddings}
   * @return a scalar; 0 when there are no triplets
   */
  public NDArray evaluate(NDArray embeddings, MinedTriplets triplets) {
    NDManager m = embeddings.getManager();
    if (triplets.size() == 0) {
      return embeddings.sum().mul(0f);
    }
    long n = embeddings.getShape().get(0);
    // Differences as products with +1/-1 selection matrices: plain matrix products, whose
    // gradients every engine has, instead of advanced indexing.
    NDArray ap =
        m.create(selection(triplets.anchors(), triplets.positives(), (int) n))
            .reshape(triplets.size(), n)
            .matMul(embeddings);
    NDArray an =
        m.create(selection(triplets.anchors(), triplets.negatives(), (int) n))
            .reshape(triplets.size(), n)
            .matMul(embeddings);
    NDArray dap = ap.square().sum(new int[] {1});
    NDArray dan = an.square().sum(new int[] {1});
    return dap.sub(dan).add((float) margin).maximum(0f).mean();
  }

  /** L2-normalises the rows of an N x D array (differentiably). */
  public static NDArray normaliseRows(NDArray x) {
    NDArray norm = x.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f);
    return x.div(norm);
  }

  public double margin() {
    return margin;
  }

  /** Row t holds +1 at {@code plus[t]} and -1 at {@code minus[t]}. */
  private static float[] selection(int[] plus, int[] minus, int n) {
    float[] s = new float[plus.length * n];
    for (int t = 0; t < plus.length; t++) {
      s[t * n + plus[t]] += 1f;
      s[t * n + minus[t]] -= 1f;
    }
    return s;
  }
}
