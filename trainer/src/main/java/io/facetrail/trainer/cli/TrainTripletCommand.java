package io.facetrail.trainer.cli;

import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code facetrail train triplet}: fine-tunes v1's last stage with the triplet loss on LFW. */
@Command(
    name = "triplet",
    mixinStandardHelpOptions = true,
    description = {
      "Fine-tunes the last residual units and the dense layer of the v1 embedding network (dlib's"
          + " ResNet) with FaceNet's triplet loss (margin 0.2, online semi-hard mining, hardest"
          + " negative as fallback) on the people of the nine LFW folds other than --fold; the"
          + " earlier layers stay frozen and their output is computed once per chip variant and"
          + " cached.",
      "Evaluates the held-out fold before and after (threshold chosen on the training folds),"
          + " saves the model with an id and metadata, a loss plot and checkpoints (--resume"
          + " continues a run). Prints one JSON line per fold."
    })
public final class TrainTripletCommand implements Callable<Integer> {
  @Mixin LfwOptions lfw = new LfwOptions();

  @Option(
      names = "--fold",
      defaultValue = "1",
      description = "Held-out fold, 1-10 (default: ${DEFAULT-VALUE}).")
  int fold;

  @Option(names = "--all-folds", description = "Run every fold in turn (the 10-fold rotation).")
  boolean allFolds;

  @Option(
      names = "--steps",
      defaultValue = "300",
      description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
  int steps;

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
      names = "--lr",
      defaultValue = "1e-6",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--margin",
      defaultValue = "0.2",
      description = "Triplet margin on squared distances (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--trainable-units",
      defaultValue = "3",
      description =
          "Residual units trained, counted from the end, 1-14 (default: ${DEFAULT-VALUE}: the last 256-channel units).")
  int trainableUnits;

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
      names = "--checkpoint-every",
      defaultValue = "50",
      description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int checkpointEvery;

  @Option(
      names = "--resume",
      description =
          "Continue the run's last checkpoint instead of refusing an existing run folder.")
  boolean resume;

  @Option(
      names = "--out",
      description = "Folder of trained models (default: ~/.local/share/facetrail/models).")
  Path out;

  @Override
  public Integer call() {
    var folds = lfw.folds();
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
    new TripletFoldRun(this, folds).run(targets);
    return 0;
  }
}
