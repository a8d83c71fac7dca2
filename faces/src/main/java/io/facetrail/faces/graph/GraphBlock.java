package io.facetrail.faces.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.weights.WeightFormatException;
import io.facetrail.faces.weights.WeightTensor;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link TfGraph} as a DJL block. The input is N x C x H x W (PyTorch's layout); every
 * four-dimensional value is kept in that layout and TensorFlow's NHWC axes and kernels are
 * translated, so no transposition happens at run time.
 *
 * <p>Float constants become parameters, named by their node, so the graph can be fine-tuned ({@link
 * #setTrainable}) and its weights saved and replaced ({@link #constants()}). Supported operations
 * are those of converted convolutional embedding networks: (fused) convolutions and depthwise
 * convolutions with bias, ReLU, ReLU6 and PReLU, element-wise arithmetic, squeeze and reductions;
 * any other operation is refused when the block is built.
 */
public final class GraphBlock extends AbstractBlock {
  private final GraphPlan plan;
  private final Map<String, Parameter> constants = new LinkedHashMap<>();
  private final Map<String, long[]> integers = new HashMap<>();

  /**
   * @param manager holds the weights (their device is the block's)
   * @param graph the graph
   * @param output the node to compute, or null for the graph's only output
   */
  public GraphBlock(NDManager manager, TfGraph graph, String output) {
    this.plan = GraphPlan.of(graph, output);
    Map<String, String> layout = kernelLayouts(plan);
    for (GraphNode n : plan.steps()) {
      if (n.op().equals("Const")) {
        addConstant(manager, graph, n, layout.get(n.name()));
      } else {
        Ops.check(n);
      }
    }
  }

  private void addConstant(NDManager manager, TfGraph graph, GraphNode n, String kernel) {
    WeightTensor t = graph.weights().get(n.name());
    if ("DT_INT32".equals(n.string("dtype", "")) || "int".equals(kernel)) {
      long[] v = new long[t.values().length];
      for (int i = 0; i < v.length; i++) {
        v[i] = (long) t.values()[i];
      }
      integers.put(n.name(), v);
      return;
    }
    int[] s = t.shape();
    NDArray array;
    if ("conv".equals(kernel)) {
      array = manager.create(t.hwioToOihw(), new Shape(s[3], s[2], s[0], s[1]));
    } else if ("depthwise".equals(kernel)) {
      array = manager.create(t.depthwiseToOihw(), new Shape(s[2], 1, s[0], s[1]));
    } else {
      long[] dims = new long[s.length];
      for (int i = 0; i < s.length; i++) {
        dims[i] = s[i];
      }
      array = manager.create(t.values(), new Shape(dims));
    }
    Parameter p =
        Parameter.builder()
            .setName(n.name())
            .setType(Parameter.Type.OTHER)
            .optArray(array)
            .optRequiresGrad(false)
            .build();
    constants.put(n.name(), addParameter(p));
  }

  /** Which constants are kernels (converted to OIHW), depthwise kernels, or integer axes. */
  private static Map<String, String> kernelLayouts(GraphPlan plan) {
    Map<String, String> layout = new HashMap<>();
    for (GraphNode n : plan.steps()) {
      switch (n.op()) {
        case "Conv2D", "_FusedConv2D" -> layout.put(n.inputs().get(1), "conv");
        case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" ->
            layout.put(n.inputs().get(1), "depthwise");
        case "Sum", "Mean" -> layout.put(n.inputs().get(1), "int");
        default -> {}
      }
    }
    return layout;
  }

  /**
   * The float constants by node name (kernels in OIHW), e.g. to save or replace trained weights.
   */
  public Map<String, Parameter> constants() {
    return Collections.unmodifiableMap(constants);
  }

  /** Makes every float constant trainable (gradients are recorded) or fixed. */
  public void setTrainable(boolean trainable) {
    constants.values().forEach(p -> p.freeze(!trainable));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Map<String, NDArray> values = new HashMap<>();
    values.put(plan.input(), inputs.singletonOrThrow());
    for (GraphNode n : plan.steps()) {
      if (n.op().equals("Placeholder")) {
        continue;
      }
      if (n.op().equals("Const")) {
        Parameter p = constants.get(n.name());
        if (p != null) {
          values.put(n.name(), p.getArray());
        }
        continue;
      }
      values.put(n.name(), Ops.run(n, values, integers));
    }
    return new NDList(values.get(plan.output()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(
        "a graph's output shape is known only by running it: call forward");
  }

  /** The operations, translated from NHWC to NCHW. */
  static final class Ops {
    private Ops() {}

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
            "Mean" -> {}
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
    private static int axis(NDArray x, int tfAxis) {
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
}
