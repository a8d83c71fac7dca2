package io.facetrail.trainer.cli;

import ai.djl.ndarray.NDManager;
import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.trained.ChipReduction;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.faces.trained.TrainedNetwork;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.trainer.harmonic.SpeedComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail bench embed-harmonic}: a trained v2 (harmonic) model's speed against v1. */
@Command(
    name = "embed-harmonic",
    mixinStandardHelpOptions = true,
    description = {
      "Loads a model trained by 'facetrail train harmonic' from its folder (model.json names its"
          + " chip size, reduction and parameters; the rest is v1) and measures it against v1 on"
          + " one batch of synthetic 150x150 chips, alternating which goes first in each round:"
          + " best wall-clock faces/s and least process CPU time per face of each, their ratios,"
          + " and the median, least and greatest of the per-round ratios (v1 and v2 measured back"
          + " to back, the figure to read on a shared or noisy machine); FLOPs per face of each"
          + " counted from the layer shapes.",
      "Prints one JSON line."
    })
public final class BenchEmbedHarmonicCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "The trained model's run folder.")
  Path model;

  @Option(
      names = "--batch",
      defaultValue = "32",
      description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--rounds",
      defaultValue = "20",
      description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--seconds",
      defaultValue = "1",
      description = "Minimum timed seconds per measurement (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Mixin ModelRunOptions models = new ModelRunOptions();

  @Override
  public Integer call() {
    if (!Files.isRegularFile(model.resolve(ModelMetadata.FILE_NAME))) {
      throw new UserFacingException("no " + ModelMetadata.FILE_NAME + " in " + model);
    }
    ModelMetadata metadata = ModelMetadata.read(model);
    if (!metadata.baseModel().equals(FacePipeline.MODEL_ID)) {
      throw new UserFacingException("not a model derived from " + FacePipeline.MODEL_ID);
    }
    ResolvedDevice device = models.select();
    try (NDManager manager = NDManager.newBaseManager(device.device())) {
      DlibResNet v1 = V1Network.load(manager, models.cache());
      TrainedNetwork v2 = TrainedNetwork.load(v1, metadata, model, manager);
      ChipReduction reduction = ChipReduction.parse(metadata.chip());
      SpeedComparison.Result r =
          new SpeedComparison(manager)
              .measure(v1, v2, metadata.inputSize(), reduction, noise(batch), rounds, seconds);
      ObjectNode line = JsonMapper.builder().build().createObjectNode();
      line.put("bench", "embed-harmonic");
      line.put("v1", FacePipeline.MODEL_ID);
      line.put("v2", metadata.id());
      line.put("device", device.describe());
      line.put("processors", Runtime.getRuntime().availableProcessors());
      line.put("v1GflopPerFace", 2 * v1.macs() / 1e9);
      line.put("v2GflopPerFace", 2 * v2.macs() / 1e9);
      HarmonicReport.putSpeed(line, r, device.threads());
      System.out.println(line);
    }
    return 0;
  }

  /** Deterministic noise chips: the networks' cost does not depend on the content. */
  private static List<RgbImage> noise(int n) {
    SplittableRandom random = new SplittableRandom(n);
    List<RgbImage> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] rgb = new byte[DlibResNet.INPUT_SIZE * DlibResNet.INPUT_SIZE * 3];
      for (int k = 0; k < rgb.length; k++) {
        rgb[k] = (byte) random.nextInt(256);
      }
      out.add(new RgbImage(DlibResNet.INPUT_SIZE, DlibResNet.INPUT_SIZE, rgb));
    }
    return out;
  }
}
