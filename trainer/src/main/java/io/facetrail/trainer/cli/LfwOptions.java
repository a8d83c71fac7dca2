package io.facetrail.trainer.cli;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.trainer.chips.ChipCache;
import io.facetrail.trainer.chips.ChipExtractor;
import io.facetrail.trainer.data.LfwFolds;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options naming the LFW data, the chip cache and the device, shared by the train commands. */
public final class LfwOptions {
  @Option(
      names = {"--lfw", "--lfw-dir"},
      required = true,
      description = "LFW folder: holds lfw-deepfunneled/ (or is it) and pairs.txt.")
  Path lfwDir;

  @Option(names = "--pairs", description = "Protocol file (default: pairs.txt in --lfw-dir).")
  Path pairs;

  @Option(
      names = "--chip-dir",
      description = "Chip cache folder (default: ~/.cache/facetrail/chips).")
  Path chipDir;

  @Mixin ModelRunOptions models = new ModelRunOptions();

  LfwFolds folds() {
    return LfwFolds.open(lfwDir, pairs);
  }

  /** The pipeline that cuts chips: the library's defaults (what inference uses). */
  FacePipelineSettings pipelineSettings() {
    return FacePipelineSettings.defaults()
        .withDevice(models.device())
        .withBatches(1, 64, models.threads())
        .withModelsDir(models.modelsDir());
  }

  Path chipFile(FacePipelineSettings settings) {
    Path dir = chipDir != null ? chipDir : ChipCache.defaultDir();
    return dir.resolve(ChipExtractor.cacheName(settings));
  }
}
