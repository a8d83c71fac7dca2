package io.facetrail.benchmarks.faces;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.image.RgbImage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
    ResolvedDevice dev = models.select();
    int maxBatch =
        Math.max(ceilingBatch, batches.stream().mapToInt(Integer::intValue).max().orElse(1));
    try (FaceEmbedder embedder =
        FaceEmbedder.load(models.cache(), dev, FaceEmbedder.DEFAULT_DIVISOR, maxBatch)) {
      long flopsPerFace = 2 * embedder.macsPerFace();
      for (int b : batches) {
        List<RgbImage> chips = SyntheticImages.batch(b, 150, 150);
        Timing.Measured m = Timing.measure(() -> embedder.embed(chips), 2, seconds, 3);
        ObjectNode line = ResultLine.start("embed", dev);
        line.put("batch", b);
        line.put("facesPerSecond", ResultLine.round(m.perSecond(b)));
        ResultLine.putTimed(line, m);
        line.put("gflopsPerFace", ResultLine.round(flopsPerFace / 1e9));
        ResultLine.print(line);
      }
      List<RgbImage> chips = SyntheticImages.batch(ceilingBatch, 150, 150);
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
        ObjectNode line = ResultLine.start("embed-ceiling", dev);
        line.put("batch", ceilingBatch);
        line.put("facesPerSecond", ResultLine.round(bestFaces));
        line.put("flopsPerFace", flopsPerFace);
        line.put("networkGflopsPerSecond", ResultLine.round(bestFaces * flopsPerFace / 1e9));
        line.put("ceilingConv", best.shape());
        line.put("ceilingGflopsPerSecond", ResultLine.round(bestConv / 1e9));
        line.put("shareOfCeiling", ResultLine.round(bestFaces * flopsPerFace / bestConv));
        line.put("medianRoundShare", ResultLine.round(ResultLine.median(shares)));
        ArrayNode perRound = line.putArray("roundShares");
        for (double v : shares) {
          perRound.add(ResultLine.round(v));
        }
        line.put("rounds", rounds);
        ResultLine.print(line);
      }
    }
    return 0;
  }
}
