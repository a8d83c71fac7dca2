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
    int[] labels = batch.stream().mapToInt(PkSampler.Face::label).toArray();
    try (NDManager m = trainer.getManager().newSubManager()) {
      NDArray x = HeadBatch.input(m, featureShape, batch, features);
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray emb = TripletLoss.normaliseRows(trainer.forward(new NDList(x)).singletonOrThrow());
        MinedTriplets mined = miner.mine(HeadBatch.rows(emb), labels);
        return HeadBatch.step(trainer, collector, loss.evaluate(emb, mined), mined, step);
      }
    }
  }
}
