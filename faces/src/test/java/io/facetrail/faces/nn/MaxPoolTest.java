package io.facetrail.faces.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaxPoolTest {
  @Test
  void equalsPyTorchsMaxPoolOnOddAndEvenSizes() {
    try (NDManager m = NDManager.newBaseManager()) {
      Random r = new Random(3);
      for (int[] hw : new int[][] {{72, 72}, {9, 7}, {3, 3}, {10, 13}}) {
        float[] v = new float[2 * 3 * hw[0] * hw[1]];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) r.nextGaussian();
        }
        NDArray x = m.create(v, new Shape(2, 3, hw[0], hw[1]));
        NDArray want = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false);
        NDArray got = MaxPool.apply(x, 3, 2);
        assertThat(got.getShape()).isEqualTo(want.getShape());
        assertThat(got.toFloatArray()).containsExactly(want.toFloatArray());
      }
    }
  }
}
