package io.facetrail.faces.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.testing.TestModels;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * MobileFaceNet run from its TensorFlow graph on DJL matches TensorFlow.js running the same graph.
 * The expected values were computed with tfjs-core, tfjs-converter and tfjs-backend-cpu 4.22.0 in
 * Node ({@code loadGraphModel} on the cached files, {@code execute} on the same two synthetic
 * chips, each pixel scaled to value / 255).
 */
class MobileFaceNetParityIT {
  private static final float[] FIRST = {
    -0.008858f, 0.021682f, -0.003993f, 0.011684f, -0.009237f, -0.018492f, 0.068503f, 0.000347f
  };
  private static final float[] SECOND = {
    -0.008840f, 0.021615f, -0.004059f, 0.011451f, -0.009180f, -0.018725f, 0.067808f, 0.000182f
  };

  @Test
  void matchesTensorFlowJsOnSyntheticChips() {
    float[][] e;
    try (MobileFaceNet net = MobileFaceNet.load(TestModels.cache(), TestModels.cpu(), 32)) {
      e = net.embed(List.of(pattern(0), pattern(50)));
    }
    assertThat(e).hasNumberOfRows(2);
    assertThat(e[0]).hasSize(MobileFaceNet.DIMENSIONS);
    for (int i = 0; i < FIRST.length; i++) {
      assertThat(e[0][i]).as("first chip, value %d", i).isCloseTo(FIRST[i], Offset.offset(2e-5f));
      assertThat(e[1][i]).as("second chip, value %d", i).isCloseTo(SECOND[i], Offset.offset(2e-5f));
    }
  }

  /** A 112x112 chip whose pixel (x, y, c) is (7y + 3x + 11c + shift) mod 256. */
  private static RgbImage pattern(int shift) {
    int s = MobileFaceNet.INPUT_SIZE;
    byte[] rgb = new byte[s * s * 3];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[(y * s + x) * 3 + c] = (byte) ((y * 7 + x * 3 + c * 11 + shift) % 256);
        }
      }
    }
    return new RgbImage(s, s, rgb);
  }
}
