package io.facetrail.trainer.cli;

import io.facetrail.trainer.triplet.StepRecord;
import java.util.List;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.node.ObjectNode;

/** The fields every head-training result line shares, in the order both commands print them. */
final class TrainingLine {
  /** How many of the last steps the final loss and active fraction average over. */
  private static final int FINAL_STEPS = 20;

  private TrainingLine() {}

  /** The optimiser's settings, from {@code fold} to {@code margin}. */
  static void putOptimiser(
      ObjectNode config,
      HeadTrainingOptions run,
      int fold,
      int trainableUnits,
      int steps,
      double learningRate) {
    config.put("fold", fold);
    config.put("trainableUnits", trainableUnits);
    config.put("steps", steps);
    config.put("identitiesPerBatch", run.identities);
    config.put("facesPerIdentity", run.faces);
    config.put("learningRate", learningRate);
    config.put("optimizer", "adam");
    config.put("margin", run.margin);
  }

  /** The mean loss and active fraction of the last steps: where training ended, less noisy. */
  static void putFinal(ObjectNode line, List<StepRecord> history) {
    line.put("finalLoss", recentMean(history, StepRecord::loss));
    line.put("finalActiveFraction", recentMean(history, StepRecord::activeFraction));
  }

  private static double recentMean(List<StepRecord> history, ToDoubleFunction<StepRecord> value) {
    return history.stream()
        .skip(Math.max(0, history.size() - FINAL_STEPS))
        .mapToDouble(value)
        .average()
        .orElse(Double.NaN);
  }
}
