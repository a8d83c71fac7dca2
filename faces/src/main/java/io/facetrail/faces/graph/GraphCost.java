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
    return macs(GraphPlan.of(graph, null), graph, side);
  }

  /**
   * @param graph the graph
   * @param side input height and width in pixels
   * @param outputs the outputs computed (a detector's heads)
   * @return multiply-accumulates per input image
   */
  public static long macs(TfGraph graph, int side, java.util.List<String> outputs) {
    return macs(GraphPlan.ofAll(graph, outputs), graph, side);
  }

  private static long macs(GraphPlan plan, TfGraph graph, int side) {
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
        case "Pad" -> {
          float[] p = graph.weights().get(n.inputs().get(1)).values();
          sides.put(n.name(), p.length == 8 ? in + (int) p[2] + (int) p[3] : in);
        }
        case "MaxPool" -> {
          int stride = n.longs("strides").get(1).intValue();
          sides.put(n.name(), (in + stride - 1) / stride);
        }
        case "DepthToSpace" -> sides.put(n.name(), in * (int) n.integer("block_size", 1));
        case "ResizeBilinear" ->
            sides.put(n.name(), (int) graph.weights().get(n.inputs().get(1)).values()[0]);
        default -> sides.put(n.name(), in);
      }
    }
    return total;
  }
}
