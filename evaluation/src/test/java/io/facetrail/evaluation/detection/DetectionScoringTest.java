package io.facetrail.evaluation.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScoringTest {
  private static final FaceBox FACE_A = new FaceBox(100, 100, 40, 50);
  private static final FaceBox FACE_B = new FaceBox(300, 100, 40, 50);

  @Test
  void aTallerDetectorBoxOverTheSameFaceMatches() {
    // Reaches further up the forehead: IoU under 0.3 would be too strict for it alone.
    Detection d = new Detection(new FaceBox(95, 70, 50, 80), 0.9f);
    DetectionScoring.Outcome o = DetectionScoring.score(List.of(d), List.of(FACE_A), List.of());
    assertThat(o.found()).containsExactly(true);
    assertThat(o.falsePositives()).isZero();
  }

  @Test
  void oneDetectionFindsOneFaceAndASecondBoxOnItIsAFalsePositive() {
    Detection best = new Detection(new FaceBox(101, 101, 40, 50), 0.9f);
    Detection again = new Detection(new FaceBox(104, 98, 38, 52), 0.6f);
    DetectionScoring.Outcome o =
        DetectionScoring.score(List.of(again, best), List.of(FACE_A, FACE_B), List.of());
    assertThat(o.found()).containsExactly(true, false);
    assertThat(o.falsePositives()).isEqualTo(1);
  }

  @Test
  void aDetectionOnABackgroundFaceIsNeitherHitNorFalse() {
    FaceBox background = new FaceBox(500, 200, 20, 20);
    Detection d = new Detection(new FaceBox(501, 199, 21, 22), 0.7f);
    DetectionScoring.Outcome o =
        DetectionScoring.score(List.of(d), List.of(FACE_A), List.of(background));
    assertThat(o.found()).containsExactly(false);
    assertThat(o.falsePositives()).isZero();
  }

  @Test
  void aBoxFourTimesTooLargeIsNotTheFace() {
    Detection d = new Detection(new FaceBox(40, 30, 160, 200), 0.9f);
    assertThat(DetectionScoring.score(List.of(d), List.of(FACE_A), List.of()).found())
        .containsExactly(false);
  }
}
