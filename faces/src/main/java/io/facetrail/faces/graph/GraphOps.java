package io.facetrail.faces.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.weights.WeightFormatException;
import java.util.List;
import java.util.Map;

/**
 * The element-wise, convolution and reduction operations of a graph, translated from NHWC to NCHW
 * (layout-changing operations are in {@link LayoutOps}, integer shape arithmetic in {@link
 * IntegerOps}).
 */
final class GraphOps {
  private GraphOps() {}

  static void check(GraphNode n) {
    switch (n.op()) {
      case "Placeholder",
          "Const",
          "Relu",
          "Relu6",
          "Abs",
          "Square",
          "Sqrt",
          "Rsqrt",
          "Neg",
          "Add",
          "AddV2",
          "Sub",
          "Mul",
          "RealDiv",
          "Maximum",
          "Minimum",
          "BiasAdd",
          "Prelu",
          GraphPlan.SPELLED_PRELU,
          "Squeeze",
          "Sum",
          "Mean",
          "Sigmoid" -> {}
      case "Pad", "Reshape", "ConcatV2", "MaxPool", "DepthToSpace", "ResizeBilinear" ->
          LayoutOps.check(n);
      case "Shape", "StridedSlice", "Pack" -> IntegerOps.check(n);
      case "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> {
        if (!n.string("data_format", "NHWC").equals("NHWC")) {
          throw new WeightFormatException(n.name() + ": only NHWC graphs are supported");
        }
        for (String f : n.strings("fused_ops")) {
          if (!List.of("BiasAdd", "Relu", "Relu6", "Prelu").contains(f)) {
            throw new WeightFormatException(n.name() + ": unsupported fused operation " + f);
          }
        }
      }
      default ->
          throw new WeightFormatException(
              "unsupported graph operation " + n.op() + " (node " + n.name() + ")");
    }
  }

  static NDArray run(GraphNode n, Map<String, NDArray> v, Map<String, long[]> ints) {
    List<String> in = n.inputs();
    return switch (n.op()) {
      case "Conv2D", "_FusedConv2D" -> conv(n, v, 1);
      case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" ->
          conv(n, v, (int) v.get(in.get(0)).getShape().get(1));
      case "Relu" -> v.get(in.get(0)).clip(0f, Float.MAX_VALUE);
      case "Relu6" -> v.get(in.get(0)).clip(0f, 6f);
      case "Abs" -> v.get(in.get(0)).abs();
      case "Square" -> v.get(in.get(0)).square();
      case "Sqrt" -> v.get(in.get(0)).sqrt();
      case "Rsqrt" -> v.get(in.get(0)).pow(-0.5f);
      case "Neg" -> v.get(in.get(0)).neg();
      case "BiasAdd", "Add", "AddV2" -> v.get(in.get(0)).add(channel(v.get(in.get(1)), v, in));
      case "Sub" -> v.get(in.get(0)).sub(channel(v.get(in.get(1)), v, in));
      case "Mul" -> v.get(in.get(0)).mul(channel(v.get(in.get(1)), v, in));
      case "RealDiv" -> v.get(in.get(0)).div(channel(v.get(in.get(1)), v, in));
      case "Maximum" -> v.get(in.get(0)).maximum(channel(v.get(in.get(1)), v, in));
      case "Minimum" -> v.get(in.get(0)).minimum(channel(v.get(in.get(1)), v, in));
      case "Prelu" -> prelu(v.get(in.get(0)), v.get(in.get(1)));
      case GraphPlan.SPELLED_PRELU -> spelledPrelu(v.get(in.get(0)), v.get(in.get(1)));
      case "Squeeze" -> squeeze(n, v.get(in.get(0)));
      case "Sum", "Mean" -> reduce(n, v.get(in.get(0)), ints.get(in.get(1)));
      case "Sigmoid" -> Activation.sigmoid(v.get(in.get(0)));
      case "Pad" -> LayoutOps.pad(v.get(in.get(0)), ints.get(in.get(1)));
      case "Reshape" -> LayoutOps.reshape(v.get(in.get(0)), ints.get(in.get(1)));
      case "ConcatV2" -> LayoutOps.concat(n, v, ints);
      case "MaxPool" -> LayoutOps.maxPool(n, v.get(in.get(0)));
      case "DepthToSpace" -> LayoutOps.depthToSpace(n, v.get(in.get(0)));
      case "ResizeBilinear" -> LayoutOps.resizeBilinear(n, v.get(in.get(0)), ints.get(in.get(1)));
      default -> throw new IllegalStateException("unchecked operation " + n.op());
    };
  }

  private static NDArray conv(GraphNode n, Map<String, NDArray> v, int groups) {
    List<String> in = n.inputs();
    NDArray x = v.get(in.get(0));
    NDArray w = v.get(in.get(1));
    List<Long> strides = n.longs("strides");
    int stride = strides.isEmpty() ? 1 : strides.get(1).intValue();
    List<Long> dil = n.longs("dilations");
    if (!dil.isEmpty() && dil.get(1) != 1) {
      throw new WeightFormatException(n.name() + ": dilated convolutions are not supported");
    }
    Padding padding = n.string("padding", "VALID").equals("SAME") ? Padding.SAME : Padding.VALID;
    int kh = (int) w.getShape().get(2);
    int kw = (int) w.getShape().get(3);
    int[] ph = padding.amounts((int) x.getShape().get(2), kh, stride);
    int[] pw = padding.amounts((int) x.getShape().get(3), kw, stride);
    Shape pad;
    if (ph[0] == ph[1] && pw[0] == pw[1]) {
      pad = new Shape(ph[0], pw[0]);
    } else {
      // TensorFlow puts the odd padding pixel after the input; PyTorch pads symmetrically.
      x = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0);
      pad = new Shape(0, 0);
    }
    List<String> fused = n.strings("fused_ops");
    NDArray bias = !fused.isEmpty() && fused.get(0).equals("BiasAdd") ? v.get(in.get(2)) : null;
    NDArray y =
        Conv2d.conv2d(x, w, bias, new Shape(stride, stride), pad, new Shape(1, 1), groups)
            .singletonOrThrow();
    for (int i = bias != null ? 1 : 0; i < fused.size(); i++) {
      y =
          switch (fused.get(i)) {
            case "Relu" -> y.clip(0f, Float.MAX_VALUE);
            case "Relu6" -> y.clip(0f, 6f);
            case "Prelu" -> prelu(y, v.get(in.get(3)));
            default -> throw new IllegalStateException("unchecked fused operation");
          };
    }
    return y;
  }

  private static NDArray prelu(NDArray x, NDArray alpha) {
    NDArray a = x.getShape().dimension() == 4 ? alpha.reshape(1, -1, 1, 1) : alpha;
    return x.clip(0f, Float.MAX_VALUE).add(x.minimum(0f).mul(a));
  }

  /** relu(x) + a * (x - |x|) = relu(x) + 2a * min(x, 0): four tensor passes instead of five. */
  private static NDArray spelledPrelu(NDArray x, NDArray alpha) {
    NDArray a = x.getShape().dimension() == 4 ? alpha.reshape(1, -1, 1, 1) : alpha;
    return Activation.relu(x).add(x.minimum(0f).mul(a.mul(2f)));
  }

  /** A per-channel constant [C] next to an NCHW value becomes [1, C, 1, 1]. */
  private static NDArray channel(NDArray other, Map<String, NDArray> v, List<String> in) {
    NDArray first = v.get(in.get(0));
    if (first.getShape().dimension() == 4 && other.getShape().dimension() == 1) {
      return other.reshape(1, -1, 1, 1);
    }
    return other;
  }

  private static NDArray squeeze(GraphNode n, NDArray x) {
    List<Long> dims = n.longs("squeeze_dims");
    if (dims.isEmpty()) {
      return x.squeeze();
    }
    int[] axes = dims.stream().mapToInt(d -> axis(x, d.intValue())).sorted().toArray();
    return x.squeeze(axes);
  }

  private static NDArray reduce(GraphNode n, NDArray x, long[] axesValue) {
    int[] axes = new int[axesValue.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axis(x, (int) axesValue[i]);
    }
    boolean keep = n.bool("keep_dims", false);
    return n.op().equals("Sum") ? x.sum(axes, keep) : x.mean(axes, keep);
  }

  /** A TensorFlow (NHWC) axis as the axis of the NCHW value. */
  static int axis(NDArray x, int tfAxis) {
    int rank = x.getShape().dimension();
    int a = tfAxis < 0 ? tfAxis + rank : tfAxis;
    if (rank != 4) {
      return a;
    }
    return switch (a) {
      case 0 -> 0;
      case 1 -> 2;
      case 2 -> 3;
      default -> 1;
    };
  }
}
