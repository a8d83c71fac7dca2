package io.facetrail.matcher.enrol;

import java.nio.file.Path;
import java.util.List;

/**
 * Photo in, faces with codes and quality out: what enrolment and the photo tools need of the face
 * models. The production implementation wraps the face-model library's batch analysis API.
 */
public interface FaceAnalyzer extends AutoCloseable {
  /**
   * Every face in the photo.
   *
   * @throws UnreadablePhotoException when the file is not a readable image
   * @throws PhotoTooLargeException when the image is over the pixel limit (nothing was decoded)
   */
  List<DetectedFace> analyse(Path photo);

  @Override
  void close();
}
