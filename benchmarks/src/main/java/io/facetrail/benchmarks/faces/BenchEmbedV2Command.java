package io.facetrail.benchmarks.faces;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.embed.MobileFaceNet;
import io.facetrail.faces.graph.GraphCost;
import io.facetrail.faces.graph.TfGraph;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.pipeline.FacePipeline;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail bench embed-v2}: the v2 candidate (MobileFaceNet) against v1 (dlib ResNet). */
@Command(
    name = "embed-v2",
    mixinStandardHelpOptions = true,
    description = {
      "Measures v1 (dlib ResNet, 150x150 chips) and v2 (MobileFaceNet, 112x112 chips) in faces/s"
          + " at one batch size, alternating which goes first in each round (the machine may be"
          + " shared), then prints each one's best rate, their ratio and FLOPs per face counted"
          + " from the layer shapes.",
      "Prints one JSON object per line."
    })
public final class BenchEmbedV2Command implements Callable<Integer> {
  @Option(
      names = "--batch",
      defaultValue = "32",
      description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--seconds",
      defaultValue = "5",
      description = "Minimum timed seconds per measurement (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Mixin ModelRunOptions models = new ModelRunOptions();

  @Override
  public Integer call() {
    ResolvedDevice dev = models.select();
    ModelCache cache = models.cache();
    long v2Flops =
        2 * GraphCost.macs(TfGraph.read(cache.mobileFaceNetGraph()), MobileFaceNet.INPUT_SIZE);
    List<RgbImage> v1Chips = SyntheticImages.batch(batch, 150, 150);
    int v2Side = MobileFaceNet.INPUT_SIZE;
    List<RgbImage> v2Chips = SyntheticImages.batch(batch, v2Side, v2Side);
    try (FaceEmbedder v1 = FaceEmbedder.load(cache, dev, FaceEmbedder.DEFAULT_DIVISOR, batch);
        MobileFaceNet v2 = MobileFaceNet.load(cache, dev, batch)) {
      long v1Flops = 2 * v1.macsPerFace();
      Runnable runV1 = () -> v1.embed(v1Chips);
      Runnable runV2 = () -> v2.embed(v2Chips);
      // Both warm up with whole batches before anything is timed.
      Timing.measure(runV1, 2, 0, 1);
      Timing.measure(runV2, 2, 0, 1);
      double bestV1 = 0;
      double bestV2 = 0;
      for (int r = 0; r < rounds; r++) {
        boolean v1First = r % 2 == 0;
        for (int k = 0; k < 2; k++) {
          boolean isV1 = (k == 0) == v1First;
          Timing.Measured m = Timing.measure(isV1 ? runV1 : runV2, 0, seconds, 3);
          double rate = m.perSecond(batch);
          if (isV1) {
            bestV1 = Math.max(bestV1, rate);
          } else {
            bestV2 = Math.max(bestV2, rate);
          }
          ObjectNode line = ResultLine.start("embed-v2-round", dev);
          line.put("modelId", isV1 ? FacePipeline.MODEL_ID : MobileFaceNet.MODEL_ID);
          line.put("batch", batch);
          line.put("round", r);
          line.put("facesPerSecond", ResultLine.round(rate));
          ResultLine.putTimed(line, m);
          ResultLine.print(line);
        }
      }
      ObjectNode summary = ResultLine.start("embed-v2", dev);
      summary.remove("modelId");
      summary.put("v1ModelId", FacePipeline.MODEL_ID);
      summary.put("v2ModelId", MobileFaceNet.MODEL_ID);
      summary.put("batch", batch);
      summary.put("rounds", rounds);
      summary.put("secondsPerMeasurement", seconds);
      summary.put("v1FacesPerSecond", ResultLine.round(bestV1));
      summary.put("v2FacesPerSecond", ResultLine.round(bestV2));
      summary.put("v2OverV1", ResultLine.round(bestV2 / bestV1));
      summary.put("v1GflopsPerFace", ResultLine.round(v1Flops / 1e9));
      summary.put("v2GflopsPerFace", ResultLine.round(v2Flops / 1e9));
      ResultLine.print(summary);
    }
    return 0;
  }
}
