package io.facetrail.faces.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.testing.ParityFixture;
import io.facetrail.faces.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The embedding network against the reference library's descriptors on the same crops. */
class FaceEmbedderParityIT {
  private static FaceEmbedder embedder;

  @BeforeAll
  static void load() {
    // The reference fork divides by 255; parity is checked with its divisor.
    embedder = FaceEmbedder.load(TestModels.cache(), TestModels.cpu(), 255f, 8);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void rawDescriptorsMatchTheReferenceWithin1e3() {
    for (JsonNode entry : ParityFixture.reference().get("embedding")) {
      float[] expected = ParityFixture.floats(entry.get("descriptor"));
      float[] actual = embedder.embedRaw(List.of(ParityFixture.crop(entry)))[0];
      float maxDiff = 0;
      for (int i = 0; i < 128; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
      }
      assertThat(maxDiff).as("max abs difference for crop %s", entry.get("crop")).isLessThan(1e-3f);
    }
  }

  @Test
  void batchedAndSingleRunsAgree() {
    JsonNode entries = ParityFixture.reference().get("embedding");
    var a = ParityFixture.crop(entries.get(0));
    var b = ParityFixture.crop(entries.get(1));
    float[][] batch = embedder.embed(List.of(a, b, a));
    float[] single = embedder.embed(List.of(b))[0];
    for (int i = 0; i < 128; i++) {
      assertThat(batch[1][i]).isCloseTo(single[i], org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(batch[0][i]).isCloseTo(batch[2][i], org.assertj.core.data.Offset.offset(1e-5f));
    }
  }
}
