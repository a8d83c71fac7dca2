package io.facetrail.matcher.enrol;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fake analyzer: the faces of each photo, or the exception analysing it throws, are given by the
 * test.
 */
final class FakeFaceAnalyzer implements FaceAnalyzer {
  private final Map<Path, List<DetectedFace>> faces;
  private final Map<Path, RuntimeException> failures;

  FakeFaceAnalyzer(Map<Path, List<DetectedFace>> faces) {
    this(faces, Map.of());
  }

  FakeFaceAnalyzer(Map<Path, List<DetectedFace>> faces, Map<Path, RuntimeException> failures) {
    this.faces = faces;
    this.failures = failures;
  }

  @Override
  public List<DetectedFace> analyse(Path photo) {
    RuntimeException failure = failures.get(photo);
    if (failure != null) {
      throw failure;
    }
    List<DetectedFace> f = faces.get(photo);
    if (f == null) {
      throw new UnreadablePhotoException("not an image", null);
    }
    return f;
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
