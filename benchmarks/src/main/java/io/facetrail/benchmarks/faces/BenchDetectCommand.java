package io.facetrail.benchmarks.faces;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.detect.FaceDetector;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.ScanningDetector;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.faces.pipeline.FaceDetectors;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail bench detect}: detector throughput in frames/s. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Measures each detector in frames/s at each frame size: 'network' is one pass per frame"
          + " (SSD: padded to its 512x512 input; TINY: longer side scaled to the input size,"
          + " padded to a multiple of 32), 'scan' is the pipeline's default scanning (padded"
          + " whole-frame pass plus tiles for faces down to --min-face-size pixels).",
      "Prints one JSON object per line."
    })
public final class BenchDetectCommand implements Callable<Integer> {
  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "640x480,1280x720",
      description = "Frame sizes (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(
      names = "--detectors",
      split = ",",
      defaultValue = "SSD,TINY",
      description = "Detectors (default: ${DEFAULT-VALUE}).")
  List<DetectorKind> detectors;

  @Option(
      names = "--batch",
      defaultValue = "1",
      description =
          "Frames per call; the pipeline uses 1 on a CPU and faces.detectBatch on a GPU (default:"
              + " ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--min-face-size",
      defaultValue = "32",
      description = "Scan mode's smallest face (default: ${DEFAULT-VALUE}).")
  int minFaceSize;

  @Option(
      names = "--tiny-input-sizes",
      split = ",",
      defaultValue = "416",
      description =
          "TINY detector input sizes, each measured (multiples of 32; default: ${DEFAULT-VALUE}).")
  List<Integer> tinyInputSizes;

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
    FacePipelineSettings defaults = FacePipelineSettings.defaults();
    for (DetectorKind kind : detectors) {
      List<Integer> inputs = kind == DetectorKind.TINY ? tinyInputSizes : List.of(0);
      for (int input : inputs) {
        try (FaceDetector detector = FaceDetectors.load(kind, cache, dev, batch, input)) {
          measure(dev, kind, detector, defaults);
        }
      }
    }
    return 0;
  }

  private void measure(
      ResolvedDevice dev, DetectorKind kind, FaceDetector detector, FacePipelineSettings defaults) {
    ScanningDetector scanning = new ScanningDetector(detector);
    ScanSettings scan =
        new ScanSettings(
            (float) defaults.minScore(), minFaceSize, (float) defaults.canvasPadding(), true);
    for (String size : sizes) {
      String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
      int w = Integer.parseInt(wh[0]);
      int h = Integer.parseInt(wh[1]);
      List<RgbImage> frames = SyntheticImages.batch(batch, w, h);
      Timing.Measured net =
          Timing.measure(() -> detector.detect(frames, (float) defaults.minScore()), 1, seconds, 2);
      print(dev, kind, size, "network", net, detector);
      Timing.Measured sc = Timing.measure(() -> scanning.detect(frames, scan), 1, seconds, 2);
      print(dev, kind, size, "scan", sc, detector);
    }
  }

  private void print(
      ResolvedDevice dev,
      DetectorKind kind,
      String size,
      String mode,
      Timing.Measured m,
      FaceDetector d) {
    ObjectNode line = ResultLine.start("detect", dev);
    line.put("detector", kind.name());
    line.put("frame", size);
    line.put("inputSize", d.inputSize());
    line.put("mode", mode);
    if (mode.equals("scan")) {
      line.put("minFaceSize", minFaceSize);
      line.put("canvasPadding", FacePipelineSettings.defaults().canvasPadding());
    }
    line.put("batch", batch);
    line.put("framesPerSecond", ResultLine.round(m.perSecond(batch)));
    ResultLine.putTimed(line, m);
    line.put("gflopsPerNetworkPass", ResultLine.round(2 * d.macsPerImage() / 1e9));
    ResultLine.print(line);
  }
}
