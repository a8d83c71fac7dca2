package io.facetrail.trainer.harmonic;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.facetrail.trainer.data.PkSampler;
import io.facetrail.trainer.head.TrainableHead;
import io.facetrail.trainer.triplet.MinedTriplets;
import io.facetrail.trainer.triplet.StepRecord;
import io.facetrail.trainer.triplet.TrainingSettings;
import io.facetrail.trainer.triplet.TripletLoss;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the v2 head against the frozen v1 model with the harmonic triplet loss: each step draws P
 * x K faces, embeds their cached low-resolution trunk features with the trainable head (v2), takes
 * v1's precomputed embeddings of the same face variants, mines triplets over the union ({@link
 * HarmonicMiner}) and steps on their loss ({@link HarmonicLoss}). DJL {@link Trainer} with Adam.
 */
public final class HarmonicTrainer {
  private static final Logger log = LoggerFactory.getLogger(HarmonicTrainer.class);

  private final TrainingSettings settings;
  private final PkSampler sampler;
  private final BiFunction<String, Integer, float[]> studentFeatures;
  private final Shape featureShape;
  private final BiFunction<String, Integer, float[]> teacher;

  /**
   * @param studentFeatures the cached low-resolution trunk feature of (photo, variant)
   * @param featureShape C, H, W of one such feature
   * @param teacher v1's L2-normalised embedding of (photo, variant), a constant
   */
  public HarmonicTrainer(
      TrainingSettings settings,
      PkSampler sampler,
      BiFunction<String, Integer, float[]> studentFeatures,
      Shape featureShape,
      BiFunction<String, Integer, float[]> teacher) {
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
    HarmonicMiner miner = new HarmonicMiner(settings.margin());
    HarmonicLoss loss = new HarmonicLoss(settings.margin());
    DefaultTrainingConfig config =
        // The loss is computed outside the Trainer (mining needs the embeddings first).
        new DefaultTrainingConfig(Loss.l2Loss())
            .optOptimizer(
                Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                    .build())
            .optDevices(new Device[] {device});
    try (Model model = Model.newInstance("harmonic-head", device)) {
      model.setBlock(head);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(
            new Shape(1, featureShape.get(0), featureShape.get(1), featureShape.get(2)));
        for (int step = firstStep; step <= settings.steps(); step++) {
          StepRecord r = step(trainer, miner, loss, step);
          onStep.accept(r);
          if (step % 100 == 0) {
            log.info(
                "step {}: loss {}, {} triplets, active {}, semi-hard {}",
                step,
                String.format("%.4f", r.loss()),
                r.triplets(),
                String.format("%.3f", r.activeFraction()),
                String.format("%.3f", r.semiHardFraction()));
          }
          if (step % settings.checkpointEvery() == 0 || step == settings.steps()) {
            checkpoint.accept(step);
          }
        }
      }
    }
  }

  private StepRecord step(Trainer trainer, HarmonicMiner miner, HarmonicLoss loss, int step) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 7_919L + step);
    List<PkSampler.Face> batch = sampler.batch(random);
    int n = batch.size();
    int per = (int) featureShape.size();
    float[] input = new float[n * per];
    float[][] frozen = new float[n][];
    int[] labels = new int[2 * n];
    boolean[] isFrozen = new boolean[2 * n];
    for (int i = 0; i < n; i++) {
      PkSampler.Face f = batch.get(i);
      float[] v = studentFeatures.apply(f.photo(), f.variant());
      frozen[i] = teacher.apply(f.photo(), f.variant());
      if (v == null || frozen[i] == null) {
        throw new IllegalStateException(
            "no feature or v1 embedding for a training face (variant " + f.variant() + ")");
      }
      System.arraycopy(v, 0, input, i * per, per);
      labels[i] = f.label();
      labels[n + i] = f.label();
      isFrozen[n + i] = true;
    }
    try (NDManager m = trainer.getManager().newSubManager()) {
      NDArray x =
          m.create(
              input, new Shape(n, featureShape.get(0), featureShape.get(1), featureShape.get(2)));
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray emb = TripletLoss.normaliseRows(trainer.forward(new NDList(x)).singletonOrThrow());
        float[] flat = emb.toFloatArray();
        int d = (int) emb.getShape().get(1);
        float[][] rows = new float[2 * n][];
        for (int i = 0; i < n; i++) {
          rows[i] = new float[d];
          System.arraycopy(flat, i * d, rows[i], 0, d);
          rows[n + i] = frozen[i];
        }
        MinedTriplets mined = miner.mine(rows, labels, isFrozen);
        NDArray value = loss.evaluate(emb, frozen, mined);
        double lossValue = value.getFloat();
        // No active triplet: every gradient is zero, and DJL's Trainer rejects an all-zero step.
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
