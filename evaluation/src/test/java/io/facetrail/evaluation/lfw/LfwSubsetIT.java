package io.facetrail.evaluation.lfw;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.SubjectLocator;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full pipeline on a few LFW pairs (the first 8 matched and 8 mismatched of fold 1): matched
 * pairs must be clearly closer than mismatched ones. The full 10-fold figure comes from {@code
 * facetrail eval lfw}, not from tests.
 */
class LfwSubsetIT {
  @Test
  void matchedPairsAreCloserThanMismatchedOnes() throws Exception {
    Path lfw = SharedData.requireLfw();
    List<LfwPairs.Pair> fold = LfwPairs.read(lfw.resolve("pairs.txt")).folds().get(0);
    List<LfwPairs.Pair> pairs = new ArrayList<>(fold.subList(0, 8));
    pairs.addAll(fold.subList(300, 308));
    double[] d = new double[pairs.size()];
    boolean[] same = new boolean[pairs.size()];
    try (FacePipeline p = FacePipeline.create(FacePipelineSettings.defaults())) {
      for (int i = 0; i < pairs.size(); i++) {
        LfwPairs.Pair pair = pairs.get(i);
        float[] a =
            embed(
                p,
                lfw.resolve("lfw-deepfunneled")
                    .resolve(LfwPairs.imagePath(pair.nameA(), pair.indexA())));
        float[] b =
            embed(
                p,
                lfw.resolve("lfw-deepfunneled")
                    .resolve(LfwPairs.imagePath(pair.nameB(), pair.indexB())));
        d[i] = FaceCode.distance(a, b);
        same[i] = pair.same();
      }
    }
    double t = VerificationStats.bestThreshold(d, same);
    assertThat(VerificationStats.accuracy(new VerificationStats.Fold(d, same), t))
        .isGreaterThanOrEqualTo(0.9);
  }

  private static float[] embed(FacePipeline p, Path photo) throws Exception {
    RgbImage image = Images.decode(Files.readAllBytes(photo));
    List<Detection> found = p.detector().detect(List.of(image), p.settings().scanSettings()).get(0);
    Detection central = SubjectLocator.mostCentral(found, image);
    assertThat(central).as("a face in %s", photo.getFileName()).isNotNull();
    return p.describe(List.of(image), List.of(List.of(central))).faces().get(0).get(0).embedding();
  }
}
