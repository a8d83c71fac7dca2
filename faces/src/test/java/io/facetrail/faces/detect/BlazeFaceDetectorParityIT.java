package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.testing.ParityFixture;
import io.facetrail.faces.testing.TestModels;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * BlazeFace back camera and MediaPipe's full-range detector, run from their graphs on DJL, against
 * TensorFlow.js 4.22 running the same graphs with the human library's decoding ({@code
 * src/test/parity/generate-detector-fixtures.js}) on two square crops of the portrait: raw score
 * logits, the best anchor's row, and the suppressed detections.
 */
class BlazeFaceDetectorParityIT {
  private static final Map<BlazeModel, BlazeFaceDetector> DETECTORS =
      new EnumMap<>(BlazeModel.class);

  @BeforeAll
  static void load() {
    for (BlazeModel m : BlazeModel.values()) {
      DETECTORS.put(m, BlazeFaceDetector.load(m, TestModels.cache(), TestModels.cpu()));
    }
  }

  @AfterAll
  static void close() {
    DETECTORS.values().forEach(BlazeFaceDetector::close);
  }

  @Test
  void rawHeadsMatchTensorFlowJs() {
    for (JsonNode model : ParityFixture.detectors().get("models")) {
      BlazeFaceDetector detector = detector(model);
      for (JsonNode entry : model.get("crops")) {
        BlazeFaceDetector.Heads heads = detector.heads(ParityFixture.crop(entry));
        float[] first = ParityFixture.floats(entry.get("firstLogits"));
        for (int i = 0; i < first.length; i++) {
          assertThat(heads.logits()[i])
              .as("%s %s logit %d", model.get("model"), entry.get("crop"), i)
              .isCloseTo(first[i], Offset.offset(2e-3f));
        }
        int best = entry.get("best").get("anchor").asInt();
        float[] row = ParityFixture.floats(entry.get("best").get("row"));
        assertThat(heads.logits()[best]).isCloseTo(row[0], Offset.offset(2e-3f));
        for (int k = 0; k < 4; k++) {
          assertThat(heads.boxes()[4 * best + k])
              .as("%s %s best anchor box value %d", model.get("model"), entry.get("crop"), k)
              .isCloseTo(row[1 + k], Offset.offset(0.01f));
        }
      }
    }
  }

  @Test
  void detectionsMatchTheReference() {
    JsonNode fixture = ParityFixture.detectors();
    float minScore = (float) fixture.get("minConfidence").asDouble();
    for (JsonNode model : fixture.get("models")) {
      BlazeFaceDetector detector = detector(model);
      for (JsonNode entry : model.get("crops")) {
        RgbImage crop = ParityFixture.crop(entry);
        List<Detection> actual = detector.detect(List.of(crop), minScore).get(0);
        JsonNode expected = entry.get("detections");
        assertThat(actual)
            .as("%s detections in crop %s", model.get("model"), entry.get("crop"))
            .hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          float[] b = ParityFixture.floats(expected.get(i).get("box"));
          // The reference leaves boxes reaching past the image unclipped; the detector clips.
          FaceBox want = new FaceBox(b[0], b[1], b[2], b[3]).clippedTo(crop.width(), crop.height());
          FaceBox got = actual.get(i).box();
          assertThat(got.iou(want)).as("IoU of %s with %s", got, want).isGreaterThan(0.99f);
          assertThat(got.x()).isCloseTo(want.x(), Offset.offset(0.1f));
          assertThat(got.y()).isCloseTo(want.y(), Offset.offset(0.1f));
          assertThat(actual.get(i).score())
              .isCloseTo((float) expected.get(i).get("score").asDouble(), Offset.offset(1e-3f));
        }
      }
    }
  }

  private static BlazeFaceDetector detector(JsonNode model) {
    String name = model.get("model").asString();
    for (BlazeModel m : BlazeModel.values()) {
      if (m.graph().fileName().equals(name + ".json")) {
        return DETECTORS.get(m);
      }
    }
    throw new AssertionError("no model for " + name);
  }
}
