package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.testing.ParityFixture;
import io.facetrail.faces.testing.TestModels;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The SSD detector against the reference library's boxes and scores. */
class SsdFaceDetectorParityIT {
  private static SsdFaceDetector detector;

  @BeforeAll
  static void load() {
    detector = SsdFaceDetector.load(TestModels.cache(), TestModels.cpu(), 4);
  }

  @AfterAll
  static void close() {
    detector.close();
  }

  /**
   * The reference pads every image to a square; the detector here pads only to a multiple of 32
   * (the 256x200 crop runs as 512x416), so this also checks that cut-down inputs keep parity.
   */
  @Test
  void boxesAndScoresMatchTheReference() {
    for (JsonNode entry : ParityFixture.reference().get("ssd")) {
      float minScore = (float) entry.get("minConfidence").asDouble();
      List<Detection> actual = detector.detect(List.of(ParityFixture.crop(entry)), minScore).get(0);
      JsonNode expected = entry.get("detections");
      assertThat(actual).as("detections in crop %s", entry.get("crop")).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertMatches(actual.get(i), expected.get(i));
      }
    }
  }

  @Test
  void theShippedAnchorsAreTheGeneratorsForTheSquareInput() {
    float[] shipped =
        io.facetrail.faces.weights.TfjsWeightLoader.load(
                TestModels.cache()
                    .manifest(io.facetrail.faces.model.PretrainedModel.SSD_MOBILENET_V1))
            .get("Output/extra_dim")
            .values();
    int[] grids = SsdAnchors.SQUARE_GRIDS;
    assertThat(new SsdAnchors(shipped).generate(512, 512, grids, grids))
        .containsExactly(shipped, Offset.offset(1e-4f));
  }

  static void assertMatches(Detection actual, JsonNode expected) {
    float[] b = ParityFixture.floats(expected.get("box"));
    FaceBox want = new FaceBox(b[0], b[1], b[2], b[3]);
    assertThat(actual.box().iou(want)).as("IoU with %s", want).isGreaterThanOrEqualTo(0.95f);
    assertThat(actual.score())
        .isCloseTo((float) expected.get("score").asDouble(), Offset.offset(0.01f));
  }
}
