package io.facetrail.trainer.triplet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.data.PkSampler;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Fine-tunes a {@link TrainableHead} with the triplet loss on DJL's training API (a {@link Trainer}
 * with Adam, gradients through a {@link GradientCollector}): each step draws P x K faces, embeds
 * their cached trunk features, L2-normalises, mines triplets online on those same embeddings and
 * steps on their loss.
 */
public final class TripletTrainer {
  private final TrainingSettings settings;
  private final PkSampler sampler;
  private final BiFunction<String, Integer, float[]> features;
  private final Shape featureShape;

  /**
   * @param features the cached trunk feature of (photo, variant)
   * @param featureShape C, H, W of one feature
   */
  public TripletTrainer(
      TrainingSettings settings,
      PkSampler sampler,
      BiFunction<String, Integer, float[]> features,
      Shape featureShape) {
    this.settings = settings;
    this.sampler = sampler;
    this.features = features;
    this.featureShape = featureShape;
  }

  /**
   * Runs steps {@code firstStep..settings.steps()}.
   *
   * @param onStep called after every step (progress, history)
   * @param checkpoint called every {@code checkpointEvery} steps and after the last, with the step
   */
  public void train(
      TrainableHead head,
      Device device,
      int firstStep,
      Consumer<StepRecord> onStep,
      Consumer<Integer> checkpoint) {
    TripletMiner miner = new TripletMiner(settings.margin());
    TripletLoss tripletLoss = new TripletLoss(settings.margin());
    StepLoop.run(
        "triplet-head",
        head,
        device,
        featureShape,
        settings,
        firstStep,
        (trainer, step) -> step(trainer, miner, tripletLoss, step),
        onStep,
        checkpoint);
  }

  private StepRecord step(Trainer trainer, TripletMiner miner, TripletLoss loss, int step) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 7_919L + step);
    List<PkSampler.Face> batch = sampler.batch(random);
    int n = batch.size();
    int per = (int) featureShape.size();
    float[] input = new float[n * per];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      PkSampler.Face f = batch.get(i);
      float[] v = features.apply(f.photo(), f.variant());
      if (v == null) {
        throw new IllegalStateException(
            "no trunk feature for a training face (variant " + f.variant() + ")");
      }
      System.arraycopy(v, 0, input, i * per, per);
      labels[i] = f.label();
    }
    try (NDManager m = trainer.getManager().newSubManager()) {
      NDArray x =
          m.create(
              input, new Shape(n, featureShape.get(0), featureShape.get(1), featureShape.get(2)));
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray raw = trainer.forward(new NDList(x)).singletonOrThrow();
        NDArray emb = TripletLoss.normaliseRows(raw);
        float[] flat = emb.toFloatArray();
        int d = (int) emb.getShape().get(1);
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
          System.arraycopy(flat, i * d, rows[i], 0, d);
        }
        MinedTriplets mined = miner.mine(rows, labels);
        NDArray value = loss.evaluate(emb, mined);
        double lossValue = value.getFloat();
        // With no active triplet every gradient is zero: nothing to learn, and DJL's Trainer
        // rejects an all-zero step (it takes it for a forgotten backward pass).
        if (lossValue > 0) {
          collector.backward(value);
          trainer.step();
        }
        return new StepRecord(
            step,
            lossValue,
            mined.size(),
            mined.activeFraction(),
            mined.size() == 0 ? 0 : mined.semiHard() / (double) mined.size());
      }
    }
  }
}
