package io.facetrail.trainer.triplet;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.data.PkSampler;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A head trained on cached trunk features with triplets mined online: what the triplet and the
 * harmonic trainers share. Each step draws its P x K batch from a seed derived from the step
 * number, so a resumed run draws the same batches; what a step mines over and which loss it applies
 * is the subclass's.
 */
public abstract class MinedHeadTrainer {
  protected final TrainingSettings settings;
  protected final Shape featureShape;
  private final PkSampler sampler;
  private final String name;

  /**
   * @param name the DJL model's name (logs)
   * @param featureShape C, H, W of one cached feature
   */
  protected MinedHeadTrainer(
      String name, TrainingSettings settings, PkSampler sampler, Shape featureShape) {
    this.name = name;
    this.settings = settings;
    this.sampler = sampler;
    this.featureShape = featureShape;
  }

  /**
   * Runs steps {@code firstStep..settings.steps()}.
   *
   * @param onStep called after every step (progress, history)
   * @param checkpoint called every {@code checkpointEvery} steps and after the last, with the step
   */
  public final void train(
      TrainableHead head,
      Device device,
      int firstStep,
      Consumer<StepRecord> onStep,
      Consumer<Integer> checkpoint) {
    TripletMiner miner = new TripletMiner(settings.margin());
    StepLoop.run(
        name,
        head,
        device,
        featureShape,
        settings,
        firstStep,
        (trainer, step) -> step(trainer, miner, batch(step), step),
        onStep,
        checkpoint);
  }

  private List<PkSampler.Face> batch(int step) {
    return sampler.batch(new SplittableRandom(settings.seed() * 7_919L + step));
  }

  /** One optimiser step on {@code batch}. */
  protected abstract StepRecord step(
      Trainer trainer, TripletMiner miner, List<PkSampler.Face> batch, int step);
}
