package io.facetrail.faces.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.facetrail.faces.weights.WeightFormatException;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphBlockTest {
  private static final Map<String, Object> NONE = Map.of();

  @Test
  void anUnsupportedOperationIsRefusedByNameWhenTheBlockIsBuilt() {
    TfGraph graph =
        new TfGraph(
            List.of(
                new GraphNode("x", "Placeholder", List.of(), NONE),
                new GraphNode("soft", "Softmax", List.of("x"), NONE)),
            new WeightSet("test", Map.of()));
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> new GraphBlock(m, graph, null))
          .isInstanceOf(WeightFormatException.class)
          .hasMessageContaining("unsupported graph operation Softmax (node soft)");
    }
  }

  /**
   * The converted graphs spell PReLU as relu(x) + a * (x - |x|) (slope 2a below zero); a
   * per-channel constant applies along NCHW's channel axis.
   */
  @Test
  void runsTheConvertedPreluSpellingPerChannel() {
    TfGraph graph =
        new TfGraph(
            List.of(
                new GraphNode("x", "Placeholder", List.of(), NONE),
                new GraphNode("alpha", "Const", List.of(), NONE),
                new GraphNode("relu", "Relu", List.of("x"), NONE),
                new GraphNode("abs", "Abs", List.of("x"), NONE),
                new GraphNode("sub", "Sub", List.of("x", "abs"), NONE),
                new GraphNode("mul", "Mul", List.of("sub", "alpha"), NONE),
                new GraphNode("add", "Add", List.of("relu", "mul"), NONE)),
            new WeightSet(
                "test",
                Map.of("alpha", new WeightTensor("alpha", new int[] {2}, new float[] {0.5f, 1f}))));
    try (NDManager m = NDManager.newBaseManager()) {
      GraphBlock block = new GraphBlock(m, graph, null);
      NDArray x = m.create(new float[] {-2f, 3f, -4f, 5f}, new Shape(1, 2, 1, 2));
      float[] y =
          block
              .forward(new ParameterStore(m, false), new NDList(x), false)
              .singletonOrThrow()
              .toFloatArray();
      // channel 0 (alpha 0.5): -2 -> relu 0 + 0.5 * (-4) = -2; channel 1 (alpha 1): -4 -> -8
      assertThat(y).containsExactly(-2f, 3f, -8f, 5f);
    }
  }
}
