package io.facetrail.matcher.enrol;

import io.facetrail.faces.image.ImageTooLargeException;
import io.facetrail.faces.pipeline.AnalysedFace;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.ImageAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@link FaceAnalyzer} on the face-model library's {@link FacePipeline}. */
public final class PipelineFaceAnalyzer implements FaceAnalyzer {
  private final FacePipeline pipeline;

  public PipelineFaceAnalyzer(FacePipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public List<DetectedFace> analyse(Path photo) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(photo);
    } catch (IOException e) {
      throw new UnreadablePhotoException("cannot read the file: " + e.getMessage(), e);
    }
    ImageAnalysis image = pipeline.analysePhoto(bytes);
    if (image.failure() instanceof ImageTooLargeException tooLarge) {
      throw new PhotoTooLargeException(tooLarge.getMessage(), tooLarge);
    }
    if (!image.decoded()) {
      throw new UnreadablePhotoException(
          "not a readable image: " + image.failure().getMessage(), image.failure());
    }
    List<DetectedFace> out = new ArrayList<>();
    for (AnalysedFace f : image.faces()) {
      out.add(
          new DetectedFace(
              f.box().area(), f.quality(), f.code(), pipeline.modelId(), f.measures()));
    }
    return out;
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
