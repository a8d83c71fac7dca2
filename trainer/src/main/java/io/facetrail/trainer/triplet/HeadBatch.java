package io.facetrail.trainer.triplet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.facetrail.trainer.data.PkSampler;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The tensor work every head-training step shares, whatever it mines: the cached trunk features of
 * a P x K batch stacked into one N x C x H x W input, the head's embeddings split back into rows
 * for mining, and the optimiser step on the mined loss.
 */
public final class HeadBatch {
  private HeadBatch() {}

  /** The shape of {@code n} stacked features of {@code featureShape} (C, H, W). */
  public static Shape stacked(long n, Shape featureShape) {
    return new Shape(n, featureShape.get(0), featureShape.get(1), featureShape.get(2));
  }

  /**
   * The faces' cached features of their variants, stacked.
   *
   * @throws IllegalStateException when a face has no cached feature (the cache was filled for other
   *     photos or variants)
   */
  public static NDArray input(
      NDManager manager,
      Shape featureShape,
      List<PkSampler.Face> faces,
      BiFunction<String, Integer, float[]> features) {
    int n = faces.size();
    int per = (int) featureShape.size();
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      PkSampler.Face f = faces.get(i);
      float[] v = features.apply(f.photo(), f.variant());
      if (v == null) {
        throw new IllegalStateException(
            "no trunk feature for a training face (variant " + f.variant() + ")");
      }
      System.arraycopy(v, 0, input, i * per, per);
    }
    return manager.create(input, stacked(n, featureShape));
  }

  /** The rows of an N x D array, each copied out. */
  public static float[][] rows(NDArray embeddings) {
    float[] flat = embeddings.toFloatArray();
    int n = (int) embeddings.getShape().get(0);
    int d = (int) embeddings.getShape().get(1);
    float[][] rows = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, rows[i], 0, d);
    }
    return rows;
  }

  /**
   * Back-propagates {@code loss} and steps the optimiser, unless the loss is 0, and says what the
   * step did.
   */
  public static StepRecord step(
      Trainer trainer, GradientCollector collector, NDArray loss, MinedTriplets mined, int step) {
    double value = loss.getFloat();
    // No active triplet (and, for the harmonic loss, no tie): every gradient is zero, nothing to
    // learn, and DJL's Trainer rejects an all-zero step (it takes it for a forgotten backward
    // pass).
    if (value > 0) {
      collector.backward(loss);
      trainer.step();
    }
    return new StepRecord(
        step,
        value,
        mined.size(),
        mined.activeFraction(),
        mined.size() == 0 ? 0 : mined.semiHard() / (double) mined.size());
  }
}
