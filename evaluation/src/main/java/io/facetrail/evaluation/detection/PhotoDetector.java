package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.pipeline.FacePipeline;
import java.nio.file.Path;
import java.util.List;

/**
 * FaceTrail's detection of a photo given as a person's, as enrolment runs it ({@link
 * FacePipeline#detectPhoto}: the photo canvas, and a second pass at a lower score when the first
 * finds nothing). Kept at 0.5 it shows the first pass alone; at 0.3, both.
 */
final class PhotoDetector implements FrameDetector {
  private final FacePipeline photos;

  /**
   * @param photos a pipeline with the photo settings ({@code FacePipelineSettings.forPhotos()})
   */
  PhotoDetector(FacePipeline photos) {
    this.photos = photos;
  }

  @Override
  public String name() {
    return "facetrail";
  }

  @Override
  public List<List<Detection>> detect(List<Path> jpegs) {
    return FrameDetector.eachDecoded(jpegs, photos::detectPhoto);
  }
}
