package io.facetrail.trainer.triplet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.facetrail.trainer.data.PkSampler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadBatchTest {
  private static final Shape FEATURE = new Shape(2, 1, 1);

  @Test
  void stacksEachFacesFeatureOfItsVariantInBatchOrder() {
    Map<String, float[][]> cache =
        Map.of(
            "a/1", new float[][] {{1, 2}, {3, 4}},
            "b/1", new float[][] {{5, 6}, {7, 8}});
    List<PkSampler.Face> faces =
        List.of(new PkSampler.Face("b/1", 1, 1), new PkSampler.Face("a/1", 0, 0));
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray x = HeadBatch.input(m, FEATURE, faces, (p, v) -> cache.get(p)[v]);
      assertThat(x.getShape()).isEqualTo(new Shape(2, 2, 1, 1));
      assertThat(x.toFloatArray()).containsExactly(7, 8, 1, 2);
    }
  }

  @Test
  void refusesAFaceWithoutACachedFeature() {
    List<PkSampler.Face> faces = List.of(new PkSampler.Face("a/1", 2, 0));
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      assertThatThrownBy(() -> HeadBatch.input(m, FEATURE, faces, (p, v) -> null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("variant 2");
    }
  }

  @Test
  void splitsEmbeddingsIntoRows() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray e = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
      assertThat(HeadBatch.rows(e)).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    }
  }
}
