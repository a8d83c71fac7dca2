package io.facetrail.faces.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphCostTest {
  @Test
  void countsConvolutionsAtTheirOutputSize() {
    Map<String, Object> strided = Map.of("strides", List.of(1L, 2L, 2L, 1L), "padding", "SAME");
    Map<String, Object> valid = Map.of("strides", List.of(1L, 1L, 1L, 1L), "padding", "VALID");
    TfGraph graph =
        new TfGraph(
            List.of(
                new GraphNode("x", "Placeholder", List.of(), Map.of()),
                new GraphNode("k1", "Const", List.of(), Map.of()),
                new GraphNode("k2", "Const", List.of(), Map.of()),
                new GraphNode("c1", "Conv2D", List.of("x", "k1"), strided),
                new GraphNode("r", "Relu", List.of("c1"), Map.of()),
                new GraphNode("c2", "DepthwiseConv2dNative", List.of("r", "k2"), valid)),
            new WeightSet(
                "test",
                Map.of(
                    "k1", new WeightTensor("k1", new int[] {3, 3, 3, 8}, new float[216]),
                    "k2", new WeightTensor("k2", new int[] {3, 3, 8, 1}, new float[72]))));
    // 112 -> 56 (SAME, stride 2): 56*56*3*3*3*8; then VALID 3x3 depthwise: 54*54*3*3*8.
    assertThat(GraphCost.macs(graph, 112)).isEqualTo(56L * 56 * 216 + 54L * 54 * 72);
  }
}
