package io.facetrail.matcher.enrol;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A fake analyzer: the faces of each photo are given by the test. */
final class FakeFaceAnalyzer implements FaceAnalyzer {
  private final Map<Path, List<DetectedFace>> faces;

  FakeFaceAnalyzer(Map<Path, List<DetectedFace>> faces) {
    this.faces = faces;
  }

  @Override
  public List<DetectedFace> analyse(Path photo) {
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
