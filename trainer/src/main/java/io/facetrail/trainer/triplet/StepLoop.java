package io.facetrail.trainer.triplet;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.facetrail.faces.trained.TrainableHead;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimiser loop every head training shares: a DJL {@link Trainer} with Adam at a fixed rate on
 * the head, steps {@code firstStep..steps} (each step numbered so that a resumed run draws the same
 * batches), a log line every 100 steps and a checkpoint every {@code checkpointEvery} steps and
 * after the last. What a step mines and which loss it applies is the caller's.
 */
public final class StepLoop {
  private static final Logger log = LoggerFactory.getLogger(StepLoop.class);

  /** One optimiser step on {@code trainer}. */
  @FunctionalInterface
  public interface Step {
    StepRecord run(Trainer trainer, int step);
  }

  private StepLoop() {}

  /**
   * @param name the DJL model's name (logs)
   * @param featureShape C, H, W of one input of the head
   * @param onStep called after every step
   * @param checkpoint called every {@code checkpointEvery} steps and after the last, with the step
   */
  public static void run(
      String name,
      TrainableHead head,
      Device device,
      Shape featureShape,
      TrainingSettings settings,
      int firstStep,
      Step step,
      Consumer<StepRecord> onStep,
      Consumer<Integer> checkpoint) {
    DefaultTrainingConfig config =
        // The loss is computed outside the Trainer (mining needs the embeddings first); the
        // Trainer's own loss is only reported by DJL's listeners, which are not used here.
        new DefaultTrainingConfig(Loss.l2Loss())
            .optOptimizer(
                Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                    .build())
            .optDevices(new Device[] {device});
    try (Model model = Model.newInstance(name, device)) {
      model.setBlock(head);
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(HeadBatch.stacked(1, featureShape));
        for (int s = firstStep; s <= settings.steps(); s++) {
          StepRecord r = step.run(trainer, s);
          onStep.accept(r);
          if (s % 100 == 0) {
            log.info(
                "{} step {}: loss {}, {} triplets, active {}, semi-hard {}",
                name,
                s,
                String.format("%.4f", r.loss()),
                r.triplets(),
                String.format("%.3f", r.activeFraction()),
                String.format("%.3f", r.semiHardFraction()));
          }
          if (s % settings.checkpointEvery() == 0 || s == settings.steps()) {
            checkpoint.accept(s);
          }
        }
      }
    }
  }
}
