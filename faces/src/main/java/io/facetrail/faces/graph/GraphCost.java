package io.facetrail.faces.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * Multiply-accumulates of one pass of a graph over a square input, counted from its convolutions'
 * kernel shapes and output sizes (element-wise operations are left out: they are a rounding error
 * next to the convolutions, and benchmarks compare networks by this count).
 */
public final class GraphCost {
  private GraphCost() {}

  /**
   * @param graph the graph
   * @param side input height and width in pixels
   * @return multiply-accumulates per input image
   */
  public static long macs(TfGraph graph, int side) {
    GraphPlan plan = GraphPlan.of(graph, null);
    Map<String, Integer> sides = new HashMap<>();
    sides.put(plan.input(), side);
    long total = 0;
    for (GraphNode n : plan.steps()) {
      if (n.op().equals("Const") || n.op().equals("Placeholder")) {
        continue;
      }
      int in = sides.getOrDefault(n.inputs().get(0), 1);
      switch (n.op()) {
        case "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> {
          // Kernels are HWIO [kh, kw, in, out] (depthwise: [kh, kw, channels, multiplier]).
          int[] k = graph.weights().get(n.inputs().get(1)).shape();
          int stride = n.longs("strides").isEmpty() ? 1 : n.longs("strides").get(1).intValue();
          int out =
              n.string("padding", "VALID").equals("SAME")
                  ? (in + stride - 1) / stride
                  : (in - k[0]) / stride + 1;
          sides.put(n.name(), out);
          total += (long) out * out * k[0] * k[1] * k[2] * k[3];
        }
        default -> sides.put(n.name(), in);
      }
    }
    return total;
  }
}
