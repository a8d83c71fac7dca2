package io.facetrail.trainer.cli;

import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.trainer.data.LfwFolds;
import io.facetrail.trainer.run.RunFolder;
import io.facetrail.trainer.triplet.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options every head-training command shares (`train triplet`, `train harmonic`): which folds, the
 * P x K batches, the margin, augmentation, seed, resumption and where runs go. Steps, learning
 * rate, checkpoint interval and how many units are trained differ per command and stay there.
 */
public final class HeadTrainingOptions {
  @Option(
      names = "--fold",
      defaultValue = "1",
      description = "Held-out fold, 1-10 (default: ${DEFAULT-VALUE}).")
  int fold;

  @Option(names = "--all-folds", description = "Run every fold in turn (the 10-fold rotation).")
  boolean allFolds;

  @Option(
      names = {"-P", "--identities"},
      defaultValue = "32",
      description = "Identities per batch (default: ${DEFAULT-VALUE}).")
  int identities;

  @Option(
      names = {"-K", "--faces"},
      defaultValue = "4",
      description =
          "Faces per identity, drawn with replacement when a person has fewer (default: ${DEFAULT-VALUE}).")
  int faces;

  @Option(
      names = "--margin",
      defaultValue = "0.2",
      description = "Triplet margin on squared distances (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--augmented-variants",
      defaultValue = "1",
      description =
          "Augmented variants per training photo, beside the chip and its mirror (default: ${DEFAULT-VALUE}).")
  int augmented;

  @Option(
      names = "--all-photos",
      description =
          "Train on every photo of the training people, not only the photos their pairs name.")
  boolean allPhotos;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of batches and augmentations (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--resume",
      description =
          "Continue the run's last checkpoint instead of refusing an existing run folder.")
  boolean resume;

  @Option(
      names = "--out",
      description = "Folder of trained models (default: ~/.local/share/facetrail/models).")
  Path out;

  /** A run's settings: the shared options with the command's own steps, rate and interval. */
  TrainingSettings settings(int steps, double learningRate, int checkpointEvery) {
    return new TrainingSettings(
        steps, identities, faces, learningRate, margin, seed, checkpointEvery);
  }

  /**
   * The folder of run {@code id} under --out, refused when it exists unless --resume continues it.
   */
  RunFolder runFolder(String id) {
    RunFolder folder = new RunFolder((out != null ? out : RunFolder.defaultRoot()).resolve(id));
    if (Files.exists(folder.dir()) && !resume) {
      throw new UserFacingException(
          "run folder "
              + folder.dir()
              + " exists: pass --resume to continue it, or another --seed or --out");
    }
    return folder;
  }

  /** The held-out folds to run: every fold with --all-folds, else --fold (checked). */
  List<Integer> targets(LfwFolds folds) {
    List<Integer> targets = new ArrayList<>();
    if (allFolds) {
      for (int f = 1; f <= folds.foldCount(); f++) {
        targets.add(f);
      }
    } else {
      if (fold < 1 || fold > folds.foldCount()) {
        throw new UserFacingException(
            "--fold must be within 1-" + folds.foldCount() + ", is " + fold);
      }
      targets.add(fold);
    }
    return targets;
  }
}
