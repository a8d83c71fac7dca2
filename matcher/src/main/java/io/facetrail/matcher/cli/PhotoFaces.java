package io.facetrail.matcher.cli;

import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.PhotoTooLargeException;
import io.facetrail.matcher.enrol.UnreadablePhotoException;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The one face of a photo for the photo tools, or a clear refusal. */
final class PhotoFaces {
  private PhotoFaces() {}

  static DetectedFace single(FaceAnalyzer analyzer, Path photo, boolean largest) {
    List<DetectedFace> faces;
    try {
      faces = analyzer.analyse(photo);
    } catch (UnreadablePhotoException | PhotoTooLargeException e) {
      throw new UserFacingException(DisplayText.safe(photo.toString()) + ": " + e.getMessage(), e);
    }
    if (faces.isEmpty()) {
      throw new UserFacingException(DisplayText.safe(photo.toString()) + ": no face found");
    }
    if (faces.size() > 1 && !largest) {
      throw new UserFacingException(
          DisplayText.safe(photo.toString())
              + ": "
              + faces.size()
              + " faces found; use --largest to take the largest");
    }
    return faces.stream().max(Comparator.comparingDouble(DetectedFace::boxArea)).orElseThrow();
  }
}
