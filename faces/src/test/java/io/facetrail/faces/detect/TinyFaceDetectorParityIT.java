package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.testing.ParityFixture;
import io.facetrail.faces.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tiny face detector against the reference library's boxes and scores. */
class TinyFaceDetectorParityIT {
  private static TinyFaceDetector detector;

  @BeforeAll
  static void load() {
    detector = TinyFaceDetector.load(TestModels.cache(), TestModels.cpu(), 4);
  }

  @AfterAll
  static void close() {
    detector.close();
  }

  @Test
  void boxesAndScoresMatchTheReference() {
    for (JsonNode entry : ParityFixture.reference().get("tiny")) {
      float minScore = (float) entry.get("scoreThreshold").asDouble();
      List<Detection> actual = detector.detect(List.of(ParityFixture.crop(entry)), minScore).get(0);
      JsonNode expected = entry.get("detections");
      assertThat(actual).as("detections in crop %s", entry.get("crop")).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        SsdFaceDetectorParityIT.assertMatches(actual.get(i), expected.get(i));
      }
    }
  }
}
