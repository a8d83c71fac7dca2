package io.facetrail.trainer.cli;

import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.trained.ChipReduction;
import io.facetrail.runtime.cli.UserFacingException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code facetrail train harmonic}: a faster v2 whose embeddings are comparable with v1's. */
@Command(
    name = "harmonic",
    mixinStandardHelpOptions = true,
    description = {
      "Trains v2, a model whose embeddings are comparable with the frozen --teacher's (v1, dlib's"
          + " ResNet on 150x150 chips): v1's own network run on the central --input-size square of"
          + " v1's chip (--chip-reduction), without the units --drop-units names (0.42x v1's FLOPs"
          + " with the defaults), its early layers frozen (their output computed once per chip"
          + " variant and cached), its last --trainable-units units and dense layer trained with"
          + " the harmonic triplet loss: triplets mined over the union of v1 and v2 embeddings of"
          + " each P x K batch (v2 anchors with v1 or v2 positives and negatives, v1 anchors with"
          + " v2 positives or negatives; margin 0.2, semi-hard, hardest as fallback), plus"
          + " --tie-weight times each face's squared distance to its own v1 embedding; v1 never"
          + " receives a gradient. Only people of the folds other than --fold are trained on.",
      "Per fold: the compatibility matrix (v1-v1, v2-v2, v1-v2, v2-v1 held-out accuracy at the"
          + " threshold chosen on the training folds' pairs) before and after training, v2's"
          + " calibration tables from the held-out fold, speed relative to v1, wall and CPU time,"
          + " as one JSON line; the model, its metadata (model.json: id, base model, input size,"
          + " dropped units, compatibleWith), calibration.json and calibration-<teacher>.json (read"
          + " by the matcher), a loss plot and checkpoints (--resume continues a run) in the run"
          + " folder."
    })
public final class TrainHarmonicCommand implements Callable<Integer> {
  @Mixin LfwOptions lfw = new LfwOptions();

  @Mixin HeadTrainingOptions run = new HeadTrainingOptions();

  @Option(
      names = "--trainable-units",
      defaultValue = "7",
      description =
          "Residual units trained, counted from the end, 1-14 (default: ${DEFAULT-VALUE}: from"
              + " conv128_down on; the stem and the first 7 units stay v1's, frozen).")
  int trainableUnits;

  @Option(
      names = "--teacher",
      defaultValue = FacePipeline.MODEL_ID,
      description = "The frozen model v2 must stay comparable with (default: ${DEFAULT-VALUE}).")
  String teacher;

  @Option(
      names = "--input-size",
      defaultValue = "104",
      description =
          "Side of v2's chip in pixels, 103-150; v1's chip is downscaled to it (default: ${DEFAULT-VALUE}).")
  int inputSize;

  @Option(
      names = "--chip-reduction",
      defaultValue = "crop",
      description =
          "How v1's 150x150 chip becomes v2's: crop (the central square at full resolution, so v1's"
              + " frozen early layers see faces at their own scale) or scale (the whole chip"
              + " downscaled by area averaging) (default: ${DEFAULT-VALUE}).")
  String chipReduction;

  @Option(
      names = "--steps",
      defaultValue = "1000",
      description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--lr",
      defaultValue = "1e-4",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--drop-units",
      defaultValue = "11,12",
      description =
          "Base-network units v2 leaves out, comma-separated indices among the trained ones"
              + " (non-down units only; 11 and 12 are conv256_1 and conv256_2), or none: a"
              + " smaller, faster v2 whose remaining trained units learn to do without them"
              + " (default: ${DEFAULT-VALUE}).")
  String dropUnits;

  @Option(
      names = "--tie-weight",
      defaultValue = "1",
      description =
          "Weight of a term pulling each face's v2 embedding towards its own v1 embedding (mean"
              + " squared distance), added to the harmonic triplet loss; 0 for none (default:"
              + " ${DEFAULT-VALUE}).")
  double tieWeight;

  @Option(
      names = "--checkpoint-every",
      defaultValue = "100",
      description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int checkpointEvery;

  @Option(
      names = "--speed-batch",
      defaultValue = "32",
      description = "Batch of the v1/v2 speed comparison (default: ${DEFAULT-VALUE}).")
  int speedBatch;

  @Option(
      names = "--speed-rounds",
      defaultValue = "20",
      description =
          "Alternating rounds of the speed comparison (v1 and v2 back to back; the median of the"
              + " per-round ratios is reported); 0 skips it (default: ${DEFAULT-VALUE}).")
  int speedRounds;

  @Option(
      names = "--speed-seconds",
      defaultValue = "1",
      description = "Minimum timed seconds per speed measurement (default: ${DEFAULT-VALUE}).")
  double speedSeconds;

  SortedSet<Integer> droppedUnits() {
    SortedSet<Integer> out = new TreeSet<>();
    if (dropUnits.isBlank() || dropUnits.equals("none")) {
      return out;
    }
    for (String part : dropUnits.split(",")) {
      try {
        out.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new UserFacingException(
            "--drop-units must be unit indices like 11,12 or none, is " + dropUnits, e);
      }
    }
    return out;
  }

  /** The dropped units for ids and file names, e.g. {@code 11-12}. */
  String droppedTag() {
    return droppedUnits().stream().map(String::valueOf).collect(Collectors.joining("-"));
  }

  ChipReduction reduction() {
    return ChipReduction.valueOf(chipReduction.toUpperCase(java.util.Locale.ROOT));
  }

  @Override
  public Integer call() {
    if (!FacePipeline.MODEL_ID.equals(teacher)) {
      throw new UserFacingException(
          "--teacher must be " + FacePipeline.MODEL_ID + " (the only v1 model), is " + teacher);
    }
    // Below 103 pixels the last down unit's 3x3 VALID convolution gets a 2x2 input.
    if (inputSize < 103 || inputSize > 150) {
      throw new UserFacingException("--input-size must be within 103-150, is " + inputSize);
    }
    if (!(tieWeight >= 0)) {
      throw new UserFacingException("--tie-weight must be at least 0, is " + tieWeight);
    }
    if (!chipReduction.equals("crop") && !chipReduction.equals("scale")) {
      throw new UserFacingException("--chip-reduction must be crop or scale, is " + chipReduction);
    }
    var folds = lfw.folds();
    List<Integer> targets = run.targets(folds);
    new HarmonicFoldRun(this, folds).run(targets);
    return 0;
  }
}
