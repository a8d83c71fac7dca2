package io.facetrail.faces.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
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
 * are those of converted convolutional embedding networks and single-shot detectors: (fused)
 * convolutions and depthwise convolutions with bias, ReLU, ReLU6 and PReLU, element-wise
 * arithmetic, sigmoid, squeeze and reductions ({@link GraphOps}); padding, max pooling, reshapes,
 * concatenation, depth-to-space and bilinear resizing ({@link LayoutOps}); and the shape arithmetic
 * that builds reshape targets ({@link IntegerOps}). Any other operation is refused when the block
 * is built.
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
    this(manager, GraphPlan.of(graph, output), graph);
  }

  /**
   * A block computing several outputs in one pass, returned in the order named.
   *
   * @param manager holds the weights (their device is the block's)
   * @param graph the graph
   * @param outputs the nodes to compute
   */
  public static GraphBlock ofOutputs(NDManager manager, TfGraph graph, List<String> outputs) {
    return new GraphBlock(manager, GraphPlan.ofAll(graph, outputs), graph);
  }

  private GraphBlock(NDManager manager, GraphPlan plan, TfGraph graph) {
    this.plan = plan;
    Map<String, String> layout = kernelLayouts(plan);
    for (GraphNode n : plan.steps()) {
      if (n.op().equals("Const")) {
        addConstant(manager, graph, n, layout.get(n.name()));
      } else {
        GraphOps.check(n);
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
        case "Sum", "Mean", "Pad", "Reshape", "ResizeBilinear" ->
            layout.put(n.inputs().get(1), "int");
        case "ConcatV2" -> layout.put(n.inputs().get(n.inputs().size() - 1), "int");
        case "StridedSlice" -> n.inputs().subList(1, 4).forEach(i -> layout.put(i, "int"));
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
    Map<String, long[]> ints = new HashMap<>(integers);
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
      if (IntegerOps.produces(n.op())) {
        ints.put(n.name(), IntegerOps.run(n, values, ints));
      } else {
        values.put(n.name(), GraphOps.run(n, values, ints));
      }
    }
    NDList out = new NDList();
    for (String o : plan.outputs()) {
      out.add(values.get(o));
    }
    return out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(
        "a graph's output shape is known only by running it: call forward");
  }
}
