package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.pipeline.FacePipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** FaceTrail's detector with its scanning strategy (whole frame on a canvas, tiles). */
final class FaceTrailFrameDetector implements FrameDetector {
  private final String name;
  private final FacePipeline faces;
  private final ScanSettings scan;

  FaceTrailFrameDetector(String name, FacePipeline faces, ScanSettings scan) {
    this.name = name;
    this.faces = faces;
    this.scan = scan;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<List<Detection>> detect(List<Path> jpegs) {
    List<List<Detection>> out = new ArrayList<>(jpegs.size());
    for (Path p : jpegs) {
      try {
        out.add(
            faces.detector().detect(List.of(Images.decode(Files.readAllBytes(p))), scan).get(0));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    }
    return out;
  }
}
