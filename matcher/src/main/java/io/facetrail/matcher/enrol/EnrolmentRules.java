package io.facetrail.matcher.enrol;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which face of a photo may be enrolled: exactly one face (or the largest with {@code largest}), of
 * at least {@code minQuality}.
 */
public record EnrolmentRules(double minQuality, boolean largest) {
  /** The outcome for a photo and, when accepted, the face to enrol. */
  public Decision decide(Path photo, List<DetectedFace> faces) {
    if (faces.isEmpty()) {
      return new Decision(
          new PhotoOutcome(photo, PhotoOutcome.Result.NO_FACE, "no face found"), null);
    }
    if (faces.size() > 1 && !largest) {
      return new Decision(
          new PhotoOutcome(
              photo,
              PhotoOutcome.Result.SEVERAL_FACES,
              faces.size() + " faces found; use --largest to enrol the largest"),
          null);
    }
    DetectedFace face = faces.stream().max(Comparator.comparingDouble(DetectedFace::boxArea)).get();
    if (face.quality() < minQuality) {
      return new Decision(
          new PhotoOutcome(
              photo,
              PhotoOutcome.Result.LOW_QUALITY,
              String.format(
                  java.util.Locale.ROOT,
                  "face quality %.2f is below %.2f",
                  face.quality(),
                  minQuality)),
          null);
    }
    return new Decision(
        new PhotoOutcome(
            photo,
            PhotoOutcome.Result.ENROLLED,
            String.format(java.util.Locale.ROOT, "quality %.2f", face.quality())),
        face);
  }

  /** An outcome and the accepted face, if any. */
  public record Decision(PhotoOutcome outcome, DetectedFace face) {
    public Optional<DetectedFace> accepted() {
      return Optional.ofNullable(face);
    }
  }
}
