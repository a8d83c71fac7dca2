package io.facetrail.benchmarks.faces;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.landmark.LandmarkDetector;
import io.facetrail.faces.landmark.trees.TreeLandmarks;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail bench landmarks}: cost per face of each landmark model. */
@Command(
    name = "landmarks",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the landmark network (on face crops, in batches) and dlib's regression-tree shape"
          + " predictor (one face at a time, placed by the network's points, on one CPU thread) in"
          + " milliseconds per face, and how long the tree model takes to load.",
      "Prints one JSON object per line."
    })
public final class BenchLandmarksCommand implements Callable<Integer> {
  @Option(
      names = "--image",
      description =
          "A photo whose centre half is used as the face crop (default: synthetic noise; the"
              + " cost of both models does not depend on the content).")
  Path image;

  @Option(
      names = "--batch",
      defaultValue = "32",
      description = "Faces per landmark-network call (default: ${DEFAULT-VALUE}).")
  int batch;

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
    RgbImage frame = frame();
    int side = Math.min(frame.width(), frame.height()) / 2;
    RgbImage crop = frame.crop((frame.width() - side) / 2, (frame.height() - side) / 2, side, side);
    List<RgbImage> crops = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      crops.add(crop);
    }
    float[][] points = new float[1][];
    try (LandmarkDetector net = LandmarkDetector.load(cache, dev, batch)) {
      Timing.Measured m = Timing.measure(() -> points[0] = net.detect(crops).get(0), 1, seconds, 2);
      ObjectNode line = ResultLine.start("landmarks", dev);
      line.put("model", "NETWORK");
      line.put("batch", batch);
      line.put("msPerFace", ResultLine.round(1000 / m.perSecond(batch)));
      line.put("iterations", m.iterations());
      ResultLine.print(line);
    }
    long t0 = System.nanoTime();
    TreeLandmarks trees = TreeLandmarks.load(cache);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    float[] start = points[0].clone();
    for (int k = 0; k < 68; k++) {
      start[2 * k] += (frame.width() - side) / 2f;
      start[2 * k + 1] += (frame.height() - side) / 2f;
    }
    List<float[]> one = List.of(start);
    Timing.Measured m = Timing.measure(() -> trees.refine(frame, one), 20, seconds, 20);
    ObjectNode line = ResultLine.start("landmarks", dev);
    line.put("model", "TREES");
    line.put("javaThreads", 1);
    line.put("msPerFace", ResultLine.round(1000 / m.perSecond(1)));
    line.put("iterations", m.iterations());
    line.put("loadSeconds", ResultLine.round(loadSeconds));
    ResultLine.print(line);
    return 0;
  }

  private RgbImage frame() {
    if (image == null) {
      return SyntheticImages.noise(250, 250, 7);
    }
    try {
      return Images.decode(Files.readAllBytes(image));
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + image + ": " + e.getMessage(), e);
    }
  }
}
