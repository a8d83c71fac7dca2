package io.facetrail.matcher.cli;

import io.facetrail.matcher.decision.NoCalibrationException;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a photo is matched ({@code --far}, {@code --largest}): one picocli mixin for {@code gallery
 * search} and {@code verify}, which take a photo's one face and judge distances at the threshold
 * calibrated for a false-accept rate.
 */
final class PhotoQueryOptions {
  @Option(
      names = "--far",
      defaultValue = "0.001",
      description = "False-accept rate per comparison (default ${DEFAULT-VALUE})")
  double far;

  @Option(names = "--largest", description = "Take the largest face of photos with several")
  boolean largest;

  /** The photo's one face (its largest with {@code --largest}), or a clear refusal. */
  DetectedFace face(FaceAnalyzer analyzer, Path photo) {
    return PhotoFaces.single(analyzer, photo, largest);
  }

  /** The threshold for {@code modelId}'s codes; a model without calibration is the user's error. */
  static double threshold(Thresholds thresholds, String modelId) {
    try {
      return thresholds.thresholdFor(modelId);
    } catch (NoCalibrationException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }
}
