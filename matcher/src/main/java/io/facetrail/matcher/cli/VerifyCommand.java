package io.facetrail.matcher.cli;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail verify PHOTO_A PHOTO_B}: same person or not, at a chosen false-accept rate. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Compare the faces of two photos: prints same/different, the distance, the threshold and"
            + " the false-accept rate it was calibrated for. Exit code 0 = same, 3 = different.")
final class VerifyCommand implements Callable<Integer> {
  @Mixin PhotoQueryOptions query;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PHOTO_A")
  Path a;

  @Parameters(index = "1", paramLabel = "PHOTO_B")
  Path b;

  @Override
  public Integer call() {
    try (FaceAnalyzer analyzer = FaceAnalyzers.open()) {
      DetectedFace fa = query.face(analyzer, a);
      DetectedFace fb = query.face(analyzer, b);
      if (!fa.modelId().equals(fb.modelId())) {
        throw new UserFacingException("the photos were embedded by different models");
      }
      double threshold = PhotoQueryOptions.threshold(Thresholds.shipped(query.far), fa.modelId());
      double d = FaceCode.distance(fa.code(), fb.code());
      boolean same = d <= threshold;
      spec.commandLine()
          .getOut()
          .printf(
              "%s\tdistance %.4f\tthreshold %.4f\tFAR %s\tmodel %s%n",
              same ? "same person" : "different persons", d, threshold, query.far, fa.modelId());
      return same ? 0 : 3;
    }
  }
}
