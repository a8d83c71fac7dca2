package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The tight-crop part of {@code eval detection}: watchlist-style 150 px crops of LFW faces (the
 * face fills 80-100% of the square), each detector's recall on them, and an example sheet per
 * variant next to the crops' folder.
 */
final class TightCropRun {
  private final Path dir;
  private final int count;
  private final int examples;

  /**
   * @param dir folder the crops are written to
   * @param count crops to make (fewer when the photos do not reach round enough faces)
   * @param examples crops drawn on each example sheet
   */
  TightCropRun(Path dir, int count, int examples) {
    this.dir = dir;
    this.count = count;
    this.examples = examples;
  }

  /**
   * Makes the crops from the frontal and three-quarter faces of {@code pool}, runs every detector
   * on them and prints one line per variant.
   */
  void run(
      List<FrameDetector> detectors,
      List<Variant> variants,
      Map<YawBucket, List<FaceSample>> pool,
      Random rng,
      float photoPadding)
      throws IOException {
    List<FaceSample> sources = new ArrayList<>(pool.get(YawBucket.FRONTAL));
    sources.addAll(pool.get(YawBucket.THREE_QUARTER));
    java.util.Collections.shuffle(sources, rng);
    List<TightCrops.Crop> crops = TightCrops.make(sources, rng);
    crops = crops.subList(0, Math.min(count, crops.size()));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      Path f = dir.resolve(String.format("crop-%04d.jpg", i));
      Files.write(f, Pixels.jpeg(crops.get(i).image(), 95));
      files.add(f);
    }
    for (FrameDetector d : detectors) {
      List<List<Detection>> found = d.detect(files);
      for (Variant v : variants) {
        if (!v.detector().equals(d.name())) {
          continue;
        }
        int hit = 0;
        List<String> missed = new ArrayList<>();
        List<ExampleSheet.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
          List<Detection> kept =
              found.get(i).stream().filter(x -> x.score() >= v.minScore()).toList();
          List<FaceBox> truth = List.of(crops.get(i).truth());
          boolean[] ok = DetectionScoring.score(kept, truth, List.of()).found();
          if (ok[0]) {
            hit++;
          } else {
            missed.add(files.get(i).getFileName().toString());
          }
          if (i < examples) {
            tiles.add(new ExampleSheet.Tile(files.get(i), truth, ok, kept, List.of()));
          }
        }
        ExampleSheet.write(
            dir.resolveSibling("crops-" + v.label() + ".png"), tiles, 8, TightCrops.SIDE);
        JsonLines.line(
            "{\"set\":\"tight-crops\",\"variant\":\"%s\",\"canvas_padding\":%s,\"images\":%d,\"found\":%d,"
                + "\"recall\":%.3f,\"missed\":\"%s\"}",
            v.label(),
            v.detector().equals("reference") ? "null" : photoPadding,
            crops.size(),
            hit,
            crops.isEmpty() ? Double.NaN : hit / (double) crops.size(),
            String.join(" ", missed.subList(0, Math.min(10, missed.size()))));
      }
    }
  }
}
