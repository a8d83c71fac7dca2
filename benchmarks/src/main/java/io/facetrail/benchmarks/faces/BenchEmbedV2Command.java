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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
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
    JsonMapper mapper = JsonMapper.builder().build();
    ResolvedDevice dev = models.select();
    ModelCache cache = models.cache();
    long v2Flops =
        2 * GraphCost.macs(TfGraph.read(cache.mobileFaceNetGraph()), MobileFaceNet.INPUT_SIZE);
    List<RgbImage> v1Chips = chips(batch, 150);
    List<RgbImage> v2Chips = chips(batch, MobileFaceNet.INPUT_SIZE);
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
          ObjectNode line = base(mapper, "embed-v2-round", dev, isV1);
          line.put("round", r);
          line.put("facesPerSecond", BenchEmbedCommand.round(rate));
          line.put("iterations", m.iterations());
          line.put("seconds", BenchEmbedCommand.round(m.seconds()));
          System.out.println(mapper.writeValueAsString(line));
        }
      }
      ObjectNode summary = BenchEmbedCommand.base(mapper, "embed-v2", dev);
      summary.remove("modelId");
      summary.put("v1ModelId", FacePipeline.MODEL_ID);
      summary.put("v2ModelId", MobileFaceNet.MODEL_ID);
      summary.put("batch", batch);
      summary.put("rounds", rounds);
      summary.put("secondsPerMeasurement", seconds);
      summary.put("v1FacesPerSecond", BenchEmbedCommand.round(bestV1));
      summary.put("v2FacesPerSecond", BenchEmbedCommand.round(bestV2));
      summary.put("v2OverV1", BenchEmbedCommand.round(bestV2 / bestV1));
      summary.put("v1GflopsPerFace", BenchEmbedCommand.round(v1Flops / 1e9));
      summary.put("v2GflopsPerFace", BenchEmbedCommand.round(v2Flops / 1e9));
      System.out.println(mapper.writeValueAsString(summary));
    }
    return 0;
  }

  private ObjectNode base(JsonMapper mapper, String bench, ResolvedDevice dev, boolean v1) {
    ObjectNode line = BenchEmbedCommand.base(mapper, bench, dev);
    line.put("modelId", v1 ? FacePipeline.MODEL_ID : MobileFaceNet.MODEL_ID);
    line.put("batch", batch);
    return line;
  }

  private static List<RgbImage> chips(int n, int side) {
    List<RgbImage> chips = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      chips.add(SyntheticImages.noise(side, side, i));
    }
    return chips;
  }
}
