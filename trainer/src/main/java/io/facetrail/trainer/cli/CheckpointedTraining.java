package io.facetrail.trainer.cli;

import ai.djl.ndarray.NDManager;
import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.run.LossPlot;
import io.facetrail.trainer.run.RunFolder;
import io.facetrail.trainer.triplet.MinedHeadTrainer;
import io.facetrail.trainer.triplet.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fold's optimiser run in its run folder, the same for every head trainer: resumed from the
 * folder's checkpoint when asked, a progress bar with the current loss, and at every checkpoint the
 * parameters, the history and the loss plot saved.
 */
final class CheckpointedTraining {
  private CheckpointedTraining() {}

  /**
   * Trains {@code head} and returns the whole loss history (a resumed run's included).
   *
   * @param task the progress bar's name
   * @param resume continue the folder's checkpoint if it has one
   */
  static List<StepRecord> run(
      String task,
      int steps,
      boolean resume,
      RunFolder run,
      String id,
      TrainableHead head,
      NDManager manager,
      MinedHeadTrainer trainer) {
    List<StepRecord> history = new ArrayList<>();
    int firstStep = 1;
    if (resume && run.hasCheckpoint()) {
      RunFolder.Checkpoint cp = run.loadCheckpoint(head, manager);
      firstStep = cp.step() + 1;
      history.addAll(cp.history());
    }
    try (var bar = ConsoleProgress.bar(task, steps)) {
      bar.stepTo(firstStep - 1L);
      trainer.train(
          head,
          manager.getDevice(),
          firstStep,
          r -> {
            history.add(r);
            bar.step();
            bar.setExtraMessage(
                String.format(Locale.ROOT, "loss %.4f active %.2f", r.loss(), r.activeFraction()));
          },
          step -> {
            run.saveCheckpoint(head, step, history);
            LossPlot.write(run.dir().resolve("loss.png"), id, history, 20);
          });
    }
    return history;
  }
}
