package io.facetrail.trainer.augment;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChipAugmenterTest {
  private static RgbImage gradient(int w, int h) {
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        rgb[i] = (byte) (x * 8);
        rgb[i + 1] = (byte) (y * 8);
        rgb[i + 2] = (byte) 100;
      }
    }
    return new RgbImage(w, h, rgb);
  }

  @Test
  void withoutJitterOnlyMirrors() {
    RgbImage chip = gradient(20, 16);
    ChipAugmenter none = new ChipAugmenter(0, 0, 0);
    for (int seed = 0; seed < 10; seed++) {
      RgbImage out = none.apply(chip, new SplittableRandom(seed));
      assertThat(out.equals(chip) || out.equals(chip.mirrored())).isTrue();
    }
  }

  @Test
  void aShiftMovesPixelsAndKeepsTheSize() {
    RgbImage chip = gradient(20, 16);
    RgbImage moved = ChipAugmenter.resample(chip, 1.0, 2.0, 0.0);
    assertThat(moved.width()).isEqualTo(20);
    assertThat(moved.height()).isEqualTo(16);
    assertThat(moved.at(7, 5, 0)).isEqualTo(chip.at(5, 5, 0));
    assertThat(moved.at(0, 5, 0)).isZero(); // from outside the chip: black
  }

  @Test
  void brightnessScalesValuesAndIsSeededDeterministically() {
    RgbImage chip = gradient(20, 16);
    RgbImage brighter = ChipAugmenter.colour(chip, 1.1, 1.0, 1.0);
    assertThat(brighter.at(0, 0, 2)).isEqualTo(110);
    ChipAugmenter a = ChipAugmenter.defaults();
    assertThat(a.apply(chip, new SplittableRandom(7)))
        .isEqualTo(a.apply(chip, new SplittableRandom(7)));
    assertThat(a.apply(chip, new SplittableRandom(7))).isNotEqualTo(chip);
  }
}
