package io.facetrail.api.events;

import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import java.nio.file.Path;
import java.util.List;

/**
 * A face analyser for tests that never look at photos (the event tests): it finds no face, so the
 * API starts without loading the face models.
 */
final class FakeFaceAnalyzer implements FaceAnalyzer {
  @Override
  public List<DetectedFace> analyse(Path photo) {
    return List.of();
  }

  @Override
  public void close() {
    // Holds nothing.
  }
}
