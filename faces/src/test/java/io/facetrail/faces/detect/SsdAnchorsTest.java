package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SsdAnchorsTest {
  private static final int[] GRIDS = SsdAnchors.SQUARE_GRIDS;

  /** The square anchors as TensorFlow's SSD generator makes them (scales 0.2..0.95). */
  private static float[] tensorflowSquareAnchors() {
    float[] out = new float[5118 * 4];
    int i = 0;
    for (int l = 0; l < GRIDS.length; l++) {
      float[][] sizes = sizes(l);
      for (int r = 0; r < GRIDS[l]; r++) {
        for (int c = 0; c < GRIDS[l]; c++) {
          for (float[] s : sizes) {
            float cy = (r + 0.5f) / GRIDS[l];
            float cx = (c + 0.5f) / GRIDS[l];
            out[i++] = cy - s[0] / 2;
            out[i++] = cx - s[1] / 2;
            out[i++] = cy + s[0] / 2;
            out[i++] = cx + s[1] / 2;
          }
        }
      }
    }
    return out;
  }

  private static float[][] sizes(int layer) {
    double scale = 0.2 + 0.15 * layer;
    if (layer == 0) {
      return new float[][] {
        {0.1f, 0.1f}, box(scale, 2), box(scale, 0.5),
      };
    }
    double next = Math.sqrt(scale * (layer == 5 ? 1.0 : scale + 0.15));
    return new float[][] {
      box(scale, 1),
      box(next, 1),
      box(scale, 2),
      box(scale, 0.5),
      box(scale, 3),
      box(scale, 1 / 3.0)
    };
  }

  private static float[] box(double scale, double aspect) {
    return new float[] {(float) (scale / Math.sqrt(aspect)), (float) (scale * Math.sqrt(aspect))};
  }

  @Test
  void regeneratesTheSquareAnchors() {
    float[] square = tensorflowSquareAnchors();
    SsdAnchors anchors = new SsdAnchors(square);
    float[] again = anchors.generate(512, 512, GRIDS, GRIDS);
    assertThat(again).containsExactly(square, Offset.offset(1e-6f));
    assertThat(anchors.forInput(512, 512, GRIDS, GRIDS)).isEqualTo(square);
  }

  @Test
  void aWideInputKeepsTheSquareInputsPixelGeometryForItsRows() {
    float[] square = tensorflowSquareAnchors();
    SsdAnchors anchors = new SsdAnchors(square);
    // 512 x 288 (a 16:9 frame): 18 x 32 cells at stride 16, 9 x 16 at stride 32, then 5, 3, 2, 1.
    int[] rows = {18, 9, 5, 3, 2, 1};
    float[] wide = anchors.forInput(288, 512, rows, GRIDS);
    int expected = 0;
    for (int l = 0; l < GRIDS.length; l++) {
      expected += rows[l] * GRIDS[l] * (l == 0 ? 3 : 6);
    }
    assertThat(wide).hasSize(expected * 4);
    // The first layer's anchors are the square's first 18 rows, in pixels.
    for (int a = 0; a < 18 * 32 * 3; a++) {
      assertThat(wide[a * 4] * 288).isCloseTo(square[a * 4] * 512, Offset.offset(1e-3f));
      assertThat(wide[a * 4 + 1] * 512).isCloseTo(square[a * 4 + 1] * 512, Offset.offset(1e-3f));
      assertThat(wide[a * 4 + 2] * 288).isCloseTo(square[a * 4 + 2] * 512, Offset.offset(1e-3f));
    }
    assertThat(anchors.forInput(288, 512, rows, GRIDS)).isSameAs(wide);
  }

  @Test
  void refusesAnchorsOfAnotherLayout() {
    assertThatThrownBy(() -> new SsdAnchors(new float[400]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 5118 anchors, got 100");
  }
}
