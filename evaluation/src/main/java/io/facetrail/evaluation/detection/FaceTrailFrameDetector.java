package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.pipeline.FacePipeline;
import java.nio.file.Path;
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
    return FrameDetector.eachDecoded(
        jpegs, image -> faces.detector().detect(List.of(image), scan).get(0));
  }
}
