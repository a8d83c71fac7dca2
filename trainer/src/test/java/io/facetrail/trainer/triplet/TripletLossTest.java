package io.facetrail.trainer.triplet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class TripletLossTest {
  @Test
  void isTheMeanHingeOfSquaredDistances() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      // Rows: a = (1,0), p = (0.6,0.8), n1 = (0.8,0.6), n2 = (-1,0).
      NDArray e = m.create(new float[] {1, 0, 0.6f, 0.8f, 0.8f, 0.6f, -1, 0}, new Shape(4, 2));
      MinedTriplets t =
          new MinedTriplets(new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 3}, 1, 1);
      // d(a,p) = 0.16 + 0.64 = 0.8; d(a,n1) = 0.04 + 0.36 = 0.4; d(a,n2) = 4.
      // Hinges: max(0, 0.8 - 0.4 + 0.2) = 0.6 and max(0, 0.8 - 4 + 0.2) = 0; mean 0.3.
      float loss = new TripletLoss(0.2).evaluate(e, t).getFloat();
      assertThat(loss).isCloseTo(0.3f, within(1e-6f));
    }
  }

  @Test
  void isZeroWithoutTripletsAndGradientsReachTheEmbeddings() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray x = m.create(new float[] {2, 0, 1, 0.2f, 1, 1}, new Shape(3, 2));
      MinedTriplets none = new MinedTriplets(new int[0], new int[0], new int[0], 0, 0);
      assertThat(new TripletLoss(0.2).evaluate(x, none).getFloat()).isZero();

      x.setRequiresGradient(true);
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray e = TripletLoss.normaliseRows(x);
        MinedTriplets t = new MinedTriplets(new int[] {0}, new int[] {2}, new int[] {1}, 0, 1);
        gc.backward(new TripletLoss(0.2).evaluate(e, t));
      }
      // d(a,p) = 0.586, d(a,n) = 0.039: active. The anchor (1,0) is pulled towards the positive
      // (0.707,0.707) and pushed from the negative (0.981,0.196): its y-gradient is negative.
      assertThat(x.getGradient().toFloatArray()[1]).isNegative();
    }
  }

  @Test
  void normalisesRowsToUnitLength() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      float[] v =
          TripletLoss.normaliseRows(m.create(new float[] {3, 4, 0, 2}, new Shape(2, 2)))
              .toFloatArray();
      assertThat(v).containsExactly(new float[] {0.6f, 0.8f, 0f, 1f}, within(1e-6f));
    }
  }
}
