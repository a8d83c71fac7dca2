package io.facetrail.trainer.triplet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.data.PkSampler;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Fine-tunes a {@link TrainableHead} with the triplet loss on DJL's training API (a {@link Trainer}
 * with Adam, gradients through a {@link GradientCollector}): each step draws P x K faces, embeds
 * their cached trunk features, L2-normalises, mines triplets online on those same embeddings and
 * steps on their loss.
 */
public final class TripletTrainer extends MinedHeadTrainer {
  private final BiFunction<String, Integer, float[]> features;
  private final TripletLoss loss;

  /**
   * @param features the cached trunk feature of (photo, variant)
   * @param featureShape C, H, W of one feature
   */
  public TripletTrainer(
      TrainingSettings settings,
      PkSampler sampler,
      BiFunction<String, Integer, float[]> features,
      Shape featureShape) {
    super("triplet-head", settings, sampler, featureShape);
    this.features = features;
    this.loss = new TripletLoss(settings.margin());
  }

  @Override
  protected StepRecord step(
      Trainer trainer, TripletMiner miner, List<PkSampler.Face> batch, int step) {
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
