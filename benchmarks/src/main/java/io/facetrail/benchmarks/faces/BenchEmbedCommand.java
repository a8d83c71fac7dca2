package io.facetrail.benchmarks.faces;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.device.NativeTuning;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail bench embed}: embedding throughput and its share of a convolution ceiling. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the embedding network (dlib ResNet, 150x150 chips) in faces/s at each batch size,"
          + " then, alternating in the same run, the network at --ceiling-batch and one large 3x3"
          + " convolution in DJL on the same device and threads: FLOPs per face counted from the"
          + " layer shapes, the convolution's FLOP/s, and the share of that ceiling the network"
          + " reaches: the ratio of the best rates over --rounds, and the median of each round's"
          + " own ratio (network and convolution timed back to back), the steadier figure on a"
          + " shared machine.",
      "Prints one JSON object per line."
    })
public final class BenchEmbedCommand implements Callable<Integer> {
  @Option(
      names = "--batches",
      split = ",",
      defaultValue = "1,8,32,64",
      description = "Batch sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  @Option(
      names = "--ceiling-batch",
      defaultValue = "32",
      description = "Batch compared with the ceiling (default: ${DEFAULT-VALUE}).")
  int ceilingBatch;

  @Option(
      names = "--rounds",
      defaultValue = "7",
      description = "Alternating rounds for the ceiling comparison (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--seconds",
      defaultValue = "2",
      description = "Minimum timed seconds per measurement (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Mixin ModelRunOptions models = new ModelRunOptions();

  @Override
  public Integer call() {
    JsonMapper mapper = JsonMapper.builder().build();
    ResolvedDevice dev = models.select();
    int maxBatch =
        Math.max(ceilingBatch, batches.stream().mapToInt(Integer::intValue).max().orElse(1));
    try (FaceEmbedder embedder =
        FaceEmbedder.load(models.cache(), dev, FaceEmbedder.DEFAULT_DIVISOR, maxBatch)) {
      long flopsPerFace = 2 * embedder.macsPerFace();
      for (int b : batches) {
        List<RgbImage> chips = chips(b);
        Timing.Measured m = Timing.measure(() -> embedder.embed(chips), 2, seconds, 3);
        ObjectNode line = base(mapper, "embed", dev);
        line.put("batch", b);
        line.put("facesPerSecond", round(m.perSecond(b)));
        line.put("iterations", m.iterations());
        line.put("seconds", round(m.seconds()));
        line.put("gflopsPerFace", round(flopsPerFace / 1e9));
        System.out.println(mapper.writeValueAsString(line));
      }
      List<RgbImage> chips = chips(ceilingBatch);
      double bestFaces = 0;
      double bestConv = 0;
      // Two large 3x3 convolutions (the shape of the network's 32-channel stage at 64 channels,
      // and a wider one); the faster of them is the ceiling.
      try (ConvCeiling narrow = new ConvCeiling(dev.device(), dev.dataType(), 32, 64, 35);
          ConvCeiling wide = new ConvCeiling(dev.device(), dev.dataType(), 32, 128, 56)) {
        ConvCeiling best = narrow;
        double[] shares = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          double roundConv = 0;
          for (ConvCeiling conv : new ConvCeiling[] {narrow, wide}) {
            Timing.Measured c = Timing.measure(conv::run, 1, seconds, 3);
            double rate = c.perSecond(conv.flopsPerCall());
            roundConv = Math.max(roundConv, rate);
            if (rate > bestConv) {
              bestConv = rate;
              best = conv;
            }
          }
          Timing.Measured e = Timing.measure(() -> embedder.embed(chips), 1, seconds, 3);
          double faces = e.perSecond(ceilingBatch);
          bestFaces = Math.max(bestFaces, faces);
          shares[r] = faces * flopsPerFace / roundConv;
        }
        ObjectNode line = base(mapper, "embed-ceiling", dev);
        line.put("batch", ceilingBatch);
        line.put("facesPerSecond", round(bestFaces));
        line.put("flopsPerFace", flopsPerFace);
        line.put("networkGflopsPerSecond", round(bestFaces * flopsPerFace / 1e9));
        line.put("ceilingConv", best.shape());
        line.put("ceilingGflopsPerSecond", round(bestConv / 1e9));
        line.put("shareOfCeiling", round(bestFaces * flopsPerFace / bestConv));
        line.put("medianRoundShare", round(median(shares)));
        ArrayNode perRound = line.putArray("roundShares");
        for (double v : shares) {
          perRound.add(round(v));
        }
        line.put("rounds", rounds);
        System.out.println(mapper.writeValueAsString(line));
      }
    }
    return 0;
  }

  static ObjectNode base(JsonMapper mapper, String bench, ResolvedDevice dev) {
    ObjectNode line = mapper.createObjectNode();
    line.put("bench", bench);
    line.put("modelId", FacePipeline.MODEL_ID);
    line.put("device", dev.describe());
    line.put("threads", dev.threads());
    line.put("processors", Runtime.getRuntime().availableProcessors());
    NativeTuning.current().forEach(line.putObject("environment")::put);
    return line;
  }

  private static List<RgbImage> chips(int n) {
    List<RgbImage> chips = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      chips.add(SyntheticImages.noise(150, 150, i));
    }
    return chips;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
