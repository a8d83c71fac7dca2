package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A detector under test, run on JPEG files so that every detector sees the same pixels. */
interface FrameDetector {
  /** Short name in the report. */
  String name();

  /** Detections per file, at or above the system's floor score. */
  List<List<Detection>> detect(List<Path> jpegs);

  /**
   * Decodes each file in turn and detects on it alone: the loop of the detectors that take one
   * decoded image at a time.
   *
   * @throws UncheckedIOException when a file cannot be read (the evaluation wrote them itself)
   */
  static List<List<Detection>> eachDecoded(
      List<Path> jpegs, Function<RgbImage, List<Detection>> detector) {
    List<List<Detection>> out = new ArrayList<>(jpegs.size());
    for (Path p : jpegs) {
      RgbImage image;
      try {
        image = Images.decode(Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
      out.add(detector.apply(image));
    }
    return out;
  }
}
