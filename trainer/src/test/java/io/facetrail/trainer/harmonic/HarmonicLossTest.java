package io.facetrail.trainer.harmonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.facetrail.trainer.triplet.MinedTriplets;
import org.junit.jupiter.api.Test;

class HarmonicLossTest {
  // Trained (v2) rows 0-1, frozen (v1) rows 2-3 of the union.
  private static final float[][] V1 = {{0.6f, 0.8f}, {0.8f, 0.6f}};

  @Test
  void isTheTripletLossOverTheUnionOfBothModels() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray v2 = m.create(new float[] {1, 0, -1, 0}, new Shape(2, 2));
      // (v2 a=(1,0), v1 p=(0.6,0.8), v1 n=(0.8,0.6)): d(a,p) = 0.8, d(a,n) = 0.4, hinge 0.6.
      // (v1 a=(0.6,0.8), v2 p=(1,0), v2 n=(-1,0)): d(a,p) = 0.8, d(a,n) = 3.2, hinge 0.
      MinedTriplets t =
          new MinedTriplets(new int[] {0, 2}, new int[] {2, 0}, new int[] {3, 1}, 1, 1);
      float loss = new HarmonicLoss(0.2).evaluate(v2, V1, t).getFloat();
      assertThat(loss).isCloseTo(0.3f, within(1e-6f));
    }
  }

  @Test
  void gradientsReachOnlyTheTrainedRowsAndV1IsAConstant() {
    float[][] v1 = {V1[0].clone(), V1[1].clone()};
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray v2 = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
      v2.setRequiresGradient(true);
      // One active triplet, v1 anchor (0.6,0.8), v2 positive (1,0), v1 negative (0.8,0.6):
      // d(a,p) = 0.8, d(a,n) = 0.08, hinge 0.92. d/dp |a-p|^2 = 2(p - a) = (0.8, -1.6); the
      // v2 row 1 takes no part, so its gradient is zero.
      MinedTriplets t = new MinedTriplets(new int[] {2}, new int[] {0}, new int[] {3}, 0, 1);
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray loss = new HarmonicLoss(0.2).evaluate(v2, v1, t);
        assertThat(loss.getFloat()).isCloseTo(0.92f, within(1e-5f));
        gc.backward(loss);
      }
      assertThat(v2.getGradient().toFloatArray())
          .containsExactly(new float[] {0.8f, -1.6f, 0f, 0f}, within(1e-5f));
    }
    // The frozen embeddings are plain values: backward left them as they were.
    assertThat(v1).isDeepEqualTo(V1);
  }

  @Test
  void isZeroWithoutTriplets() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray v2 = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
      MinedTriplets none = new MinedTriplets(new int[0], new int[0], new int[0], 0, 0);
      assertThat(new HarmonicLoss(0.2).evaluate(v2, V1, none).getFloat()).isZero();
    }
  }

  @Test
  void tieTermPullsEachTrainedRowTowardsItsOwnFrozenRow() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray v2 = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
      v2.setRequiresGradient(true);
      MinedTriplets none = new MinedTriplets(new int[0], new int[0], new int[0], 0, 0);
      // |(1,0)-(0.6,0.8)|^2 = 0.8 and |(0,1)-(0.8,0.6)|^2 = 0.8: mean 0.8, times 0.5.
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray loss = new HarmonicLoss(0.2, 0.5).evaluate(v2, V1, none);
        assertThat(loss.getFloat()).isCloseTo(0.4f, within(1e-6f));
        gc.backward(loss);
      }
      // d/dv2_i = 0.5 * 2 (v2_i - v1_i) / 2 rows.
      assertThat(v2.getGradient().toFloatArray())
          .containsExactly(new float[] {0.2f, -0.4f, -0.4f, 0.2f}, within(1e-5f));
    }
  }

  @Test
  void rejectsANegativeTieWeight() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HarmonicLoss(0.2, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
