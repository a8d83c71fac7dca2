package io.facetrail.faces.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContrastTest {
  private static RgbImage grey(int w, int h, int from, int to) {
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      int v = from + (to - from) * i / (w * h - 1);
      rgb[3 * i] = (byte) v;
      rgb[3 * i + 1] = (byte) v;
      rgb[3 * i + 2] = (byte) v;
    }
    return new RgbImage(w, h, rgb);
  }

  @Test
  void aWashedOutPhotoIsSpreadOverTheWholeRange() {
    RgbImage washed = grey(40, 40, 170, 250);
    RgbImage s = Contrast.stretched(washed);
    assertThat(s).isNotSameAs(washed);
    assertThat(s.at(0, 0, 0)).isLessThanOrEqualTo(3);
    assertThat(s.at(39, 39, 0)).isGreaterThanOrEqualTo(252);
    assertThat(s.width()).isEqualTo(40);
  }

  @Test
  void aWellExposedPhotoIsLeftAlone() {
    RgbImage full = grey(40, 40, 0, 255);
    assertThat(Contrast.stretched(full)).isSameAs(full);
  }

  @Test
  void aFlatImageIsLeftAlone() {
    RgbImage flat = grey(10, 10, 128, 128);
    assertThat(Contrast.stretched(flat)).isSameAs(flat);
  }
}
