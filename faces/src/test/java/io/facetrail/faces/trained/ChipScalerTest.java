package io.facetrail.faces.trained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.image.RgbImage;
import org.junit.jupiter.api.Test;

class ChipScalerTest {
  @Test
  void averagesTheSourceAreaOfEachOutputPixel() {
    // 4x4 grey values 0..15, halved: each output pixel is the mean of a 2x2 block.
    byte[] rgb = new byte[4 * 4 * 3];
    for (int i = 0; i < 16; i++) {
      for (int c = 0; c < 3; c++) {
        rgb[i * 3 + c] = (byte) (i * 10);
      }
    }
    RgbImage out = ChipScaler.toSquare(new RgbImage(4, 4, rgb), 2);
    // Top left block: 0, 10, 40, 50 -> 25; bottom right: 100, 110, 140, 150 -> 125.
    assertThat(out.at(0, 0, 0)).isEqualTo(25);
    assertThat(out.at(1, 1, 2)).isEqualTo(125);
  }

  @Test
  void weightsCoverEverySourcePixelOnceForAFractionalRatio() {
    double[][] w = ChipScaler.weights(150, 104);
    double[] coverage = new double[150];
    for (double[] row : w) {
      double sum = 0;
      for (int k = 1; k < row.length; k++) {
        sum += row[k];
        coverage[(int) row[0] + k - 1] += row[k] * 150 / 104.0;
      }
      assertThat(sum).isCloseTo(1, within(1e-9));
    }
    for (double c : coverage) {
      assertThat(c).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void leavesAChipOfTheRequestedSizeAlone() {
    RgbImage chip = new RgbImage(3, 3, new byte[27]);
    assertThat(ChipScaler.toSquare(chip, 3)).isSameAs(chip);
  }
}
