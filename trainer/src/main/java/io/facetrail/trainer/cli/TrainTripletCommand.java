package io.facetrail.trainer.cli;

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

  @Mixin HeadTrainingOptions run = new HeadTrainingOptions();

  @Option(
      names = "--trainable-units",
      defaultValue = "3",
      description =
          "Residual units trained, counted from the end, 1-14 (default: ${DEFAULT-VALUE}: the last"
              + " 256-channel units).")
  int trainableUnits;

  @Option(
      names = "--steps",
      defaultValue = "300",
      description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--lr",
      defaultValue = "1e-6",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--checkpoint-every",
      defaultValue = "50",
      description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int checkpointEvery;

  @Override
  public Integer call() {
    var folds = lfw.folds();
    List<Integer> targets = run.targets(folds);
    new TripletFoldRun(this, folds).run(targets);
    return 0;
  }
}
