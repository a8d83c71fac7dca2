package io.facetrail.trainer.harmonic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.facetrail.trainer.data.PkSampler;
import io.facetrail.trainer.triplet.HeadBatch;
import io.facetrail.trainer.triplet.MinedHeadTrainer;
import io.facetrail.trainer.triplet.MinedTriplets;
import io.facetrail.trainer.triplet.StepRecord;
import io.facetrail.trainer.triplet.TrainingSettings;
import io.facetrail.trainer.triplet.TripletLoss;
import io.facetrail.trainer.triplet.TripletMiner;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Trains the v2 head against the frozen v1 model with the harmonic triplet loss: each step draws P
 * x K faces, embeds their cached low-resolution trunk features with the trainable head (v2), takes
 * v1's precomputed embeddings of the same face variants, mines triplets over the union ({@link
 * TripletMiner#mine(float[][], int[], boolean[])}) and steps on their loss ({@link HarmonicLoss}).
 * DJL {@link Trainer} with Adam.
 */
public final class HarmonicTrainer extends MinedHeadTrainer {
  private final BiFunction<String, Integer, float[]> studentFeatures;
  private final BiFunction<String, Integer, float[]> teacher;
  private final HarmonicLoss loss;

  /**
   * @param studentFeatures the cached low-resolution trunk feature of (photo, variant)
   * @param featureShape C, H, W of one such feature
   * @param teacher v1's L2-normalised embedding of (photo, variant), a constant
   * @param tieWeight weight of {@link HarmonicLoss}'s per-face tie term, 0 for none
   */
  public HarmonicTrainer(
      TrainingSettings settings,
      PkSampler sampler,
      BiFunction<String, Integer, float[]> studentFeatures,
      Shape featureShape,
      BiFunction<String, Integer, float[]> teacher,
      double tieWeight) {
    super("harmonic-head", settings, sampler, featureShape);
    this.studentFeatures = studentFeatures;
    this.teacher = teacher;
    this.loss = new HarmonicLoss(settings.margin(), tieWeight);
  }

  @Override
  protected StepRecord step(
      Trainer trainer, TripletMiner miner, List<PkSampler.Face> batch, int step) {
    int n = batch.size();
    float[][] frozen = new float[n][];
    // Rows n..2n-1 are v1's (frozen) embeddings of the same faces, with the same labels.
    int[] labels = new int[2 * n];
    boolean[] isFrozen = new boolean[2 * n];
    for (int i = 0; i < n; i++) {
      PkSampler.Face f = batch.get(i);
      frozen[i] = teacher.apply(f.photo(), f.variant());
      if (frozen[i] == null) {
        throw new IllegalStateException(
            "no v1 embedding for a training face (variant " + f.variant() + ")");
      }
      labels[i] = f.label();
      labels[n + i] = f.label();
      isFrozen[n + i] = true;
    }
    try (NDManager m = trainer.getManager().newSubManager()) {
      NDArray x = HeadBatch.input(m, featureShape, batch, studentFeatures);
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray emb = TripletLoss.normaliseRows(trainer.forward(new NDList(x)).singletonOrThrow());
        float[][] rows = new float[2 * n][];
        System.arraycopy(HeadBatch.rows(emb), 0, rows, 0, n);
        System.arraycopy(frozen, 0, rows, n, n);
        MinedTriplets mined = miner.mine(rows, labels, isFrozen);
        return HeadBatch.step(trainer, collector, loss.evaluate(emb, frozen, mined), mined, step);
      }
    }
  }
}
