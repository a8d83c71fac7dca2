package io.facetrail.faces.embed;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualJoinTest {
  private static NDArray gaussian(NDManager m, Random r, long... shape) {
    float[] v = new float[(int) new Shape(shape).size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return m.create(v, new Shape(shape));
  }

  @Test
  void theInPlaceJoinEqualsTheTrainingJoin() {
    try (NDManager m = NDManager.newBaseManager()) {
      Random r = new Random(5);
      // {input channels, input size, main-path channels, main-path size, down}
      int[][] cases = {{8, 6, 8, 6, 0}, {4, 9, 8, 4, 1}, {8, 8, 16, 3, 1}, {8, 4, 8, 2, 1}};
      for (int[] c : cases) {
        NDArray input = gaussian(m, r, 2, c[0], c[1], c[1]);
        NDArray main = gaussian(m, r, 2, c[2], c[3], c[3]);
        boolean down = c[4] == 1;
        float[] want = DlibResNet.join(main, input, down).toFloatArray();
        // The in-place join writes into the main path: hand it a copy.
        NDArray got = DlibResNet.joinInPlace(main.duplicate(), input, down);
        assertThat(got.getShape()).isEqualTo(DlibResNet.join(main, input, down).getShape());
        assertThat(got.toFloatArray()).containsExactly(want);
      }
    }
  }
}
