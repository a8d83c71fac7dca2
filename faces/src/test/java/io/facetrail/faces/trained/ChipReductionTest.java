package io.facetrail.faces.trained;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.image.RgbImage;
import org.junit.jupiter.api.Test;

class ChipReductionTest {
  @Test
  void cropsTheCentreOnV1sPoolingGrid() {
    // 150 - 104 = 46: centred would start at 23; the nearest multiple of 8 is 24.
    assertThat(ChipReduction.offset(150, 104)).isEqualTo(24);
    assertThat(ChipReduction.offset(150, 112)).isEqualTo(16);
    assertThat(ChipReduction.offset(150, 150)).isZero();
  }

  @Test
  void cropKeepsFullResolutionPixels() {
    byte[] rgb = new byte[150 * 150 * 3];
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 150; x++) {
        rgb[(y * 150 + x) * 3] = (byte) x;
        rgb[(y * 150 + x) * 3 + 1] = (byte) y;
      }
    }
    RgbImage out = ChipReduction.CROP.apply(new RgbImage(150, 150, rgb), 104);
    assertThat(out.width()).isEqualTo(104);
    assertThat(out.at(0, 0, 0)).isEqualTo(24);
    assertThat(out.at(103, 5, 0)).isEqualTo(127);
    assertThat(out.at(7, 103, 1)).isEqualTo(127);
  }

  @Test
  void scaleShrinksTheWholeChip() {
    RgbImage out = ChipReduction.SCALE.apply(new RgbImage(150, 150, new byte[150 * 150 * 3]), 104);
    assertThat(out.width()).isEqualTo(104);
    assertThat(out.height()).isEqualTo(104);
  }
}
