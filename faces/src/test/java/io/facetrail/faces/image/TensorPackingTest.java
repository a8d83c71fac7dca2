package io.facetrail.faces.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorPackingTest {
  private static RgbImage ramp(int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[(y * w + x) * 3] = (byte) (10 * x);
        px[(y * w + x) * 3 + 1] = (byte) (10 * y);
        px[(y * w + x) * 3 + 2] = 7;
      }
    }
    return new RgbImage(w, h, px);
  }

  @Test
  void sameSizeIsACopyWithNormalisation() {
    float[] out = new float[3 * 16];
    TensorPacking.squareResize(ramp(4, 4), true, 4, new float[] {1, 2, 3}, 0.5f, out, 0);
    assertThat(out[1 * 4 + 2]).isEqualTo((20 - 1) * 0.5f); // red plane, y=1, x=2
    assertThat(out[16 + 3 * 4]).isEqualTo((30 - 2) * 0.5f); // green plane, y=3
  }

  @Test
  void padsCentredOrAtTheBottomRight() {
    float[] centred = new float[3 * 16];
    float[] corner = new float[3 * 16];
    float[] zero = {0, 0, 0};
    // A 4x2 image on a 4x4 square: centred leaves row 0 empty, bottom-right padding leaves row 3.
    TensorPacking.squareResize(ramp(4, 2), true, 4, zero, 1f, centred, 0);
    TensorPacking.squareResize(ramp(4, 2), false, 4, zero, 1f, corner, 0);
    assertThat(centred[2 * 16 + 0]).isZero();
    assertThat(centred[2 * 16 + 4]).isEqualTo(7f);
    assertThat(corner[2 * 16 + 0]).isEqualTo(7f);
    assertThat(corner[2 * 16 + 12]).isZero();
  }

  @Test
  void downscalingSamplesWithoutHalfPixelOffset() {
    float[] out = new float[3 * 4];
    TensorPacking.squareResize(ramp(4, 4), false, 2, new float[] {0, 0, 0}, 1f, out, 0);
    // TensorFlow's original rule: destination x maps to source 2x, so x=1 reads column 2 (20).
    assertThat(out[1]).isEqualTo(20f);
  }

  @Test
  void letterboxIsTheSquareResizeCutToTheImage() {
    float[] mean = {1, 2, 3};
    float[] square = new float[3 * 8 * 8];
    float[] wide = new float[3 * 8 * 4];
    // A 16x6 image to longest side 8: the content is 8x3 (rounded up to 4 rows of tensor).
    TensorPacking.squareResize(ramp(16, 6), false, 8, mean, 0.5f, square, 0);
    TensorPacking.letterbox(ramp(16, 6), 8, 8, 4, mean, 0.5f, wide, 0);
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 8; x++) {
          assertThat(wide[c * 32 + y * 8 + x])
              .as("c%d y%d x%d", c, y, x)
              .isEqualTo(square[c * 64 + y * 8 + x]);
        }
      }
    }
    // The row below the content is padding: (0 - mean) * factor.
    assertThat(wide[3 * 8]).isEqualTo(-0.5f);
  }
}
