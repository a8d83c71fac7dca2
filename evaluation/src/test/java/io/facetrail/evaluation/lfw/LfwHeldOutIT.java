package io.facetrail.evaluation.lfw;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.calibration.CalibrationTable;
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
 * Guards the shipped pipeline's LFW figures with nothing tuned on the pairs it scores: the 100
 * matched and the first 100 mismatched pairs of fold 10 (identities the shipped calibration table
 * never saw: it is fit on folds 1-5), each photo coded as enrolment codes it (the photo settings
 * and retries, the central face, flip, 128-byte codes) and compared at the shipped threshold for a
 * false-accept rate of 1e-3 per comparison; a photo without a face rejects its pair.
 *
 * <p>Measured on these pairs when this test was written (2026-12-07): {@value #MEASURED}. The
 * bounds sit two matched pairs below at 1e-3 and three at 1e-4, and allow one false accept where
 * 0.1 is expected: a drop of a few points in the model, the chips, the detector's boxes or the
 * calibration fails here, which a threshold tuned on the same pairs (the 16-pair test this
 * replaces, at >= 0.9 accuracy) would have hidden.
 */
class LfwHeldOutIT {
  private static final double FAR = 1e-3;

  /** A stricter point, where the matched pairs are not all accepted and a drop shows sooner. */
  private static final double STRICT_FAR = 1e-4;

  private static final int FOLD = 9;
  private static final int PAIRS = 100;
  static final String MEASURED =
      "at FAR 1e-3 100 of 100 matched and 0 of 100 mismatched pairs accepted, at 1e-4 92 matched";
  private static final int MIN_MATCHED_ACCEPTED = 98;
  private static final int MIN_MATCHED_ACCEPTED_STRICT = 89;
  private static final int MAX_MISMATCHED_ACCEPTED = 1;

  @Test
  void heldOutPairsAtTheShippedThreshold() throws Exception {
    Path lfw = SharedData.requireLfw();
    List<LfwPairs.Pair> fold = LfwPairs.read(lfw.resolve("pairs.txt")).folds().get(FOLD);
    List<LfwPairs.Pair> pairs = new ArrayList<>(fold.subList(0, PAIRS));
    pairs.addAll(fold.subList(300, 300 + PAIRS));
    assertThat(pairs.subList(0, PAIRS)).allMatch(LfwPairs.Pair::same);
    assertThat(pairs.subList(PAIRS, 2 * PAIRS)).noneMatch(LfwPairs.Pair::same);
    CalibrationTable table = CalibrationTable.forModel(FacePipeline.MODEL_ID).orElseThrow();
    double threshold = table.thresholdFor(FAR);
    double strictThreshold = table.thresholdFor(STRICT_FAR);
    int matchedAcceptedStrict = 0;
    int matchedAccepted = 0;
    int mismatchedAccepted = 0;
    int noFace = 0;
    Path photos = lfw.resolve("lfw-deepfunneled");
    try (FacePipeline p = FacePipeline.create(FacePipelineSettings.forPhotos())) {
      for (LfwPairs.Pair pair : pairs) {
        byte[] a = code(p, photos.resolve(LfwPairs.imagePath(pair.nameA(), pair.indexA())));
        byte[] b = code(p, photos.resolve(LfwPairs.imagePath(pair.nameB(), pair.indexB())));
        if (a == null || b == null) {
          noFace++; // Counted as rejected: a photo enrolment refuses cannot match.
          continue;
        }
        double d = FaceCode.distance(a, b);
        if (d <= threshold && pair.same()) {
          matchedAccepted++;
        } else if (d <= threshold) {
          mismatchedAccepted++;
        }
        if (d <= strictThreshold && pair.same()) {
          matchedAcceptedStrict++;
        }
      }
    }
    System.err.printf(
        "LfwHeldOutIT: threshold %.4f (FAR %.0e): %d of %d matched accepted, %d of %d"
            + " mismatched, %d pairs without a face; at %.4f (FAR %.0e) %d matched accepted%n",
        threshold,
        FAR,
        matchedAccepted,
        PAIRS,
        mismatchedAccepted,
        PAIRS,
        noFace,
        strictThreshold,
        STRICT_FAR,
        matchedAcceptedStrict);
    assertThat(matchedAccepted)
        .as("matched pairs accepted at the shipped threshold")
        .isGreaterThanOrEqualTo(MIN_MATCHED_ACCEPTED);
    assertThat(matchedAcceptedStrict)
        .as("matched pairs accepted at the shipped threshold for FAR 1e-4")
        .isGreaterThanOrEqualTo(MIN_MATCHED_ACCEPTED_STRICT);
    assertThat(mismatchedAccepted)
        .as("mismatched pairs accepted at the shipped threshold")
        .isLessThanOrEqualTo(MAX_MISMATCHED_ACCEPTED);
  }

  /** The code enrolment would store for the photo's subject, or null when it finds no face. */
  private static byte[] code(FacePipeline p, Path photo) throws Exception {
    RgbImage image = Images.decode(Files.readAllBytes(photo));
    Detection central = SubjectLocator.mostCentral(p.detectPhoto(image), image);
    if (central == null) {
      return null;
    }
    return FaceCode.quantise(
        p.describe(List.of(image), List.of(List.of(central))).faces().get(0).get(0).embedding());
  }
}
