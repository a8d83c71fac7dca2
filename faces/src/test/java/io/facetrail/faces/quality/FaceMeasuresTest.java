package io.facetrail.faces.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.image.RgbImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceMeasuresTest {
  /** 68 points of a frontal face: brows at y 40, chin at y 120, eye corners at x 60 and 140. */
  private static float[] frontal(float noseX) {
    float[] p = new float[136];
    for (int i = 0; i < 68; i++) {
      p[2 * i] = 100;
      p[2 * i + 1] = 80;
    }
    for (int i = 17; i <= 26; i++) {
      p[2 * i + 1] = 40;
    }
    p[2 * 8 + 1] = 120; // chin
    p[2 * 36] = 60;
    p[2 * 36 + 1] = 60;
    p[2 * 45] = 140;
    p[2 * 45 + 1] = 60;
    p[2 * 30] = noseX;
    p[2 * 30 + 1] = 90;
    return p;
  }

  @Test
  void heightIsBrowsToChinPlusAQuarterForTheForehead() {
    assertThat(FaceMeasures.heightPx(frontal(100))).isCloseTo(100, within(1e-6));
  }

  @Test
  void yawFollowsTheNoseOffsetUnderWeakPerspective() {
    assertThat(FaceMeasures.yawDegrees(frontal(100))).isCloseTo(0, within(1e-6));
    // Offset 24 against a half-distance of 40: tan = 0.6 * 225/135 = 1, i.e. 45 degrees.
    assertThat(FaceMeasures.yawDegrees(frontal(124))).isCloseTo(45, within(1e-6));
    assertThat(FaceMeasures.yawDegrees(frontal(76))).isCloseTo(-45, within(1e-6));
  }

  @Test
  void sharpnessIsContrastNormalisedAndBrightnessIsTheMeanGrey() {
    Random rng = new Random(7);
    byte[] texture = new byte[64 * 64 * 3];
    byte[] dim = new byte[texture.length];
    for (int i = 0; i < texture.length; i += 3) {
      int v = 60 + rng.nextInt(120);
      Arrays.fill(texture, i, i + 3, (byte) v);
      Arrays.fill(dim, i, i + 3, (byte) (v / 4));
    }
    FaceMeasures bright = FaceMeasures.of(frontal(100), new RgbImage(64, 64, texture));
    FaceMeasures dark = FaceMeasures.of(frontal(100), new RgbImage(64, 64, dim));
    assertThat(bright.brightness()).isCloseTo(120, within(3.0));
    assertThat(dark.brightness()).isCloseTo(30, within(1.0));
    // A quarter of the light, the same detail: sharpness barely moves (rounding only).
    assertThat(dark.sharpness()).isCloseTo(bright.sharpness(), within(0.1 * bright.sharpness()));
    byte[] flat = new byte[64 * 64 * 3];
    Arrays.fill(flat, (byte) 90);
    assertThat(FaceMeasures.of(frontal(100), new RgbImage(64, 64, flat)).sharpness()).isZero();
  }
}
