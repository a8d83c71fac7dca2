package io.facetrail.faces.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The layout operations and the integer shape arithmetic, each run through a one-node graph on NCHW
 * values and compared with what TensorFlow computes on the same values in NHWC.
 */
class LayoutOpsTest {
  private static final Map<String, Object> NONE = Map.of();

  /** x[n, c, h, w] = 100c + 10h + w, the channel readable in the hundreds. */
  private static NDArray ramp(NDManager m, int c, int h, int w) {
    float[] v = new float[c * h * w];
    for (int k = 0; k < c; k++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          v[(k * h + y) * w + x] = 100 * k + 10 * y + x;
        }
      }
    }
    return m.create(v, new Shape(1, c, h, w));
  }

  private static WeightTensor ints(String name, int[] shape, float... values) {
    return new WeightTensor(name, shape, values);
  }

  private static GraphNode constant(String name) {
    return new GraphNode(name, "Const", List.of(), Map.of("dtype", "DT_INT32"));
  }

  private static NDArray run(
      NDManager m, NDArray x, List<GraphNode> nodes, Map<String, WeightTensor> consts) {
    List<GraphNode> all = new java.util.ArrayList<>();
    all.add(new GraphNode("x", "Placeholder", List.of(), NONE));
    all.addAll(nodes);
    TfGraph graph = new TfGraph(all, new WeightSet("test", new HashMap<>(consts)));
    GraphBlock block = new GraphBlock(m, graph, null);
    return block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
  }

  @Test
  void padPadsTensorFlowAxesIncludingChannels() {
    try (NDManager m = NDManager.newBaseManager()) {
      // NHWC paddings: none on N, 1 before H, 2 after W, 1 after C.
      NDArray y =
          run(
              m,
              ramp(m, 1, 1, 1).add(5f),
              List.of(constant("p"), new GraphNode("pad", "Pad", List.of("x", "p"), NONE)),
              Map.of("p", ints("p", new int[] {4, 2}, 0, 0, 1, 0, 0, 2, 0, 1)));
      assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 2, 3));
      assertThat(y.toFloatArray()).containsExactly(0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  @Test
  void maxPoolWithSamePaddingIgnoresThePadding() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, new Shape(1, 1, 3, 3));
      Map<String, Object> attrs =
          Map.of(
              "ksize", List.of(1L, 2L, 2L, 1L),
              "strides", List.of(1L, 2L, 2L, 1L),
              "padding", "SAME");
      NDArray y =
          run(m, x, List.of(new GraphNode("pool", "MaxPool", List.of("x"), attrs)), Map.of());
      // SAME: output 2x2, the odd row and column padded after; a zero pad would give 0s.
      assertThat(y.toFloatArray()).containsExactly(-1, -3, -7, -9);
    }
  }

  @Test
  void reshapeReadsFourDimensionalValuesInNhwcOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray y =
          run(
              m,
              ramp(m, 2, 1, 2),
              List.of(constant("s"), new GraphNode("r", "Reshape", List.of("x", "s"), NONE)),
              Map.of("s", ints("s", new int[] {3}, 1, -1, 2)));
      // NHWC order: (h0 w0: c0 c1), (h0 w1: c0 c1)
      assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 2));
      assertThat(y.toFloatArray()).containsExactly(0, 100, 1, 101);
    }
  }

  @Test
  void concatOnTheLastTensorFlowAxisOfAFourDimensionalValueIsTheChannelAxis() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray y =
          run(
              m,
              ramp(m, 1, 1, 2),
              List.of(
                  constant("axis"),
                  new GraphNode("c", "ConcatV2", List.of("x", "x", "axis"), NONE)),
              Map.of("axis", ints("axis", new int[] {}, 3)));
      assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 1, 2));
    }
  }

  @Test
  void depthToSpaceFollowsTensorFlowsChannelOrder() {
    try (NDManager m = NDManager.newBaseManager()) {
      // One pixel, 4 channels 0, 100, 200, 300: TensorFlow puts channel (i * 2 + j) at (i, j).
      NDArray y =
          run(
              m,
              ramp(m, 4, 1, 1),
              List.of(new GraphNode("d2s", "DepthToSpace", List.of("x"), Map.of("block_size", 2L))),
              Map.of());
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 2));
      assertThat(y.toFloatArray()).containsExactly(0, 100, 200, 300);
    }
  }

  @Test
  void resizeBilinearWithHalfPixelCentresDoublesAsTensorFlowDoes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {0, 4}, new Shape(1, 1, 1, 2));
      NDArray y =
          run(
              m,
              x,
              List.of(
                  constant("size"),
                  new GraphNode(
                      "up",
                      "ResizeBilinear",
                      List.of("x", "size"),
                      Map.of("half_pixel_centers", true, "align_corners", false))),
              Map.of("size", ints("size", new int[] {2}, 2, 4)));
      // tf.image.resize_bilinear(half_pixel_centers=True) of [0, 4] to 4: 0, 1, 3, 4 per row.
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 4));
      assertThat(y.toFloatArray())
          .containsExactly(new float[] {0, 1, 3, 4, 0, 1, 3, 4}, Offset.offset(1e-6f));
    }
  }

  @Test
  void legacyResizeWeightsSampleAtOutTimesScale() {
    // 2 -> 4 without half-pixel centres: sources 0, 0.5, 1, 1.5 (clamped to 1).
    float[] w = LayoutOps.weights(2, 4, false, false);
    assertThat(w).containsExactly(1, 0, 0.5f, 0.5f, 0, 1, 0, 1);
  }

  @Test
  void shapeSliceAndPackBuildAReshapeTarget() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Keras' Reshape((-1, 2)): target = [shape(x)[0], -1, 2], built at run time.
      List<GraphNode> nodes =
          List.of(
              new GraphNode("shape", "Shape", List.of("x"), NONE),
              constant("b"),
              constant("e"),
              constant("s"),
              new GraphNode(
                  "n",
                  "StridedSlice",
                  List.of("shape", "b", "e", "s"),
                  Map.of("shrink_axis_mask", 1L)),
              constant("minus"),
              constant("two"),
              new GraphNode("target", "Pack", List.of("n", "minus", "two"), NONE),
              new GraphNode("r", "Reshape", List.of("x", "target"), NONE));
      Map<String, WeightTensor> c = new HashMap<>();
      c.put("b", ints("b", new int[] {1}, 0));
      c.put("e", ints("e", new int[] {1}, 1));
      c.put("s", ints("s", new int[] {1}, 1));
      c.put("minus", ints("minus", new int[] {}, -1));
      c.put("two", ints("two", new int[] {}, 2));
      NDArray y = run(m, ramp(m, 2, 2, 3), nodes, c);
      assertThat(y.getShape()).isEqualTo(new Shape(1, 6, 2));
    }
  }

  @Test
  void shapesOfFourDimensionalValuesAreReportedInNhwc() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(IntegerOps.shape(m.zeros(new Shape(1, 3, 4, 5)))).containsExactly(1, 4, 5, 3);
    }
  }

  @Test
  void sigmoidIsTheLogistic() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray y =
          run(
              m,
              m.create(new float[] {0f, 2f}, new Shape(1, 2)),
              List.of(new GraphNode("s", "Sigmoid", List.of("x"), NONE)),
              Map.of());
      assertThat(y.toFloatArray())
          .containsExactly(new float[] {0.5f, 0.880797f}, Offset.offset(1e-5f));
    }
  }
}
