package io.facetrail.trainer.harmonic;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.data.PkSampler;
import io.facetrail.trainer.triplet.HeadBatch;
import io.facetrail.trainer.triplet.MinedTriplets;
import io.facetrail.trainer.triplet.StepLoop;
import io.facetrail.trainer.triplet.StepRecord;
import io.facetrail.trainer.triplet.TrainingSettings;
import io.facetrail.trainer.triplet.TripletLoss;
import io.facetrail.trainer.triplet.TripletMiner;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Trains the v2 head against the frozen v1 model with the harmonic triplet loss: each step draws P
 * x K faces, embeds their cached low-resolution trunk features with the trainable head (v2), takes
 * v1's precomputed embeddings of the same face variants, mines triplets over the union ({@link
 * TripletMiner#mine(float[][], int[], boolean[])}) and steps on their loss ({@link HarmonicLoss}).
 * DJL {@link Trainer} with Adam.
 */
public final class HarmonicTrainer {
  private final TrainingSettings settings;
  private final PkSampler sampler;
  private final BiFunction<String, Integer, float[]> studentFeatures;
  private final Shape featureShape;
  private final BiFunction<String, Integer, float[]> teacher;
  private final double tieWeight;

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
    this.tieWeight = tieWeight;
    this.settings = settings;
    this.sampler = sampler;
    this.studentFeatures = studentFeatures;
    this.featureShape = featureShape;
    this.teacher = teacher;
  }

  /**
   * Runs steps {@code firstStep..settings.steps()}.
   *
   * @param onStep called after every step
   * @param checkpoint called every {@code checkpointEvery} steps and after the last, with the step
   */
  public void train(
      TrainableHead head,
      Device device,
      int firstStep,
      Consumer<StepRecord> onStep,
      Consumer<Integer> checkpoint) {
    TripletMiner miner = new TripletMiner(settings.margin());
    HarmonicLoss loss = new HarmonicLoss(settings.margin(), tieWeight);
    StepLoop.run(
        "harmonic-head",
        head,
        device,
        featureShape,
        settings,
        firstStep,
        (trainer, step) -> step(trainer, miner, loss, step),
        onStep,
        checkpoint);
  }

  private StepRecord step(Trainer trainer, TripletMiner miner, HarmonicLoss loss, int step) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 7_919L + step);
    List<PkSampler.Face> batch = sampler.batch(random);
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
