package io.facetrail.faces.landmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.testing.ParityFixture;
import io.facetrail.faces.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The landmark network against the reference library's points on the same crops. */
class LandmarkDetectorParityIT {
  private static LandmarkDetector detector;

  @BeforeAll
  static void load() {
    detector = LandmarkDetector.load(TestModels.cache(), TestModels.cpu(), 8);
  }

  @AfterAll
  static void close() {
    detector.close();
  }

  @Test
  void pointsMatchTheReferenceWithinHalfAPixel() {
    for (JsonNode entry : ParityFixture.reference().get("landmarks")) {
      float[] expected = ParityFixture.floats(entry.get("points"));
      float[] actual = detector.detect(List.of(ParityFixture.crop(entry))).get(0);
      float worst = 0;
      for (int k = 0; k < 68; k++) {
        worst =
            Math.max(
                worst,
                (float)
                    Math.hypot(
                        actual[2 * k] - expected[2 * k], actual[2 * k + 1] - expected[2 * k + 1]));
      }
      assertThat(worst).as("worst point distance for crop %s", entry.get("crop")).isLessThan(0.5f);
    }
  }
}
