package io.facetrail.faces.graph;

import ai.djl.ndarray.NDArray;
import io.facetrail.faces.weights.WeightFormatException;
import java.util.List;
import java.util.Map;

/**
 * The integer side of a graph: shapes and the arithmetic converted Keras models do on them to build
 * a reshape target ({@code Shape}, {@code StridedSlice}, {@code Pack}). Values are plain {@code
 * long[]} vectors, a scalar being a vector of one; shapes of four-dimensional values are reported
 * in TensorFlow's NHWC order, since that is what the graph's constants index.
 */
final class IntegerOps {
  private IntegerOps() {}

  static void check(GraphNode n) {
    if (n.op().equals("StridedSlice")
        && (n.integer("ellipsis_mask", 0) != 0 || n.integer("new_axis_mask", 0) != 0)) {
      throw new WeightFormatException(
          n.name() + ": StridedSlice with ellipsis or new axes is not supported");
    }
  }

  /** Whether {@code op} produces an integer vector rather than a tensor. */
  static boolean produces(String op) {
    return op.equals("Shape") || op.equals("StridedSlice") || op.equals("Pack");
  }

  static long[] run(GraphNode n, Map<String, NDArray> v, Map<String, long[]> ints) {
    List<String> in = n.inputs();
    return switch (n.op()) {
      case "Shape" -> shape(v.get(in.get(0)));
      case "StridedSlice" ->
          slice(
              n,
              operand(n, ints, in.get(0)),
              ints.get(in.get(1)),
              ints.get(in.get(2)),
              ints.get(in.get(3)));
      case "Pack" -> pack(n, ints);
      default -> throw new IllegalStateException("not an integer operation: " + n.op());
    };
  }

  private static long[] operand(GraphNode n, Map<String, long[]> ints, String name) {
    long[] x = ints.get(name);
    if (x == null) {
      throw new WeightFormatException(n.name() + ": input " + name + " is not an integer vector");
    }
    return x;
  }

  static long[] shape(NDArray x) {
    long[] s = x.getShape().getShape();
    return s.length == 4 ? new long[] {s[0], s[2], s[3], s[1]} : s.clone();
  }

  /** One-dimensional strided slice with TensorFlow's begin, end and shrink masks. */
  static long[] slice(GraphNode n, long[] x, long[] begin, long[] end, long[] strides) {
    int len = x.length;
    long stride = strides[0];
    if (stride == 0) {
      throw new WeightFormatException(n.name() + ": StridedSlice with stride 0");
    }
    long b = (n.integer("begin_mask", 0) & 1) != 0 ? (stride > 0 ? 0 : len - 1) : begin[0];
    long e = (n.integer("end_mask", 0) & 1) != 0 ? (stride > 0 ? len : -len - 1) : end[0];
    b = b < 0 ? b + len : b;
    if ((n.integer("shrink_axis_mask", 0) & 1) != 0) {
      return new long[] {x[(int) b]};
    }
    e = e < 0 ? e + len : e;
    b = Math.max(0, Math.min(len, b));
    e = Math.max(-1, Math.min(len, e));
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (long i = b; stride > 0 ? i < e : i > e; i += stride) {
      out.add(x[(int) i]);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** Packs scalars into a vector (the only use converted graphs make of it on integers). */
  private static long[] pack(GraphNode n, Map<String, long[]> ints) {
    long[] out = new long[n.inputs().size()];
    for (int i = 0; i < out.length; i++) {
      long[] item = operand(n, ints, n.inputs().get(i));
      if (item.length != 1) {
        throw new WeightFormatException(n.name() + ": Pack of non-scalar integer values");
      }
      out[i] = item[0];
    }
    return out;
  }
}
