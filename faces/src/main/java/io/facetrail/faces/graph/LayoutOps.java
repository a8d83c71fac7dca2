package io.facetrail.faces.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.nn.MaxPool;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.weights.WeightFormatException;
import java.util.List;
import java.util.Map;

/**
 * Graph operations that move values between positions: padding, pooling, reshaping, concatenation,
 * depth-to-space and bilinear resizing. Four-dimensional values are NCHW here and NHWC in the
 * graph, so each operation translates its axes; a reshape of a four-dimensional value to another
 * rank reads it in NHWC order, as TensorFlow does, so the element order of flattened detector heads
 * (anchor by anchor, cell by cell) is TensorFlow's.
 */
final class LayoutOps {
  private LayoutOps() {}

  static void check(GraphNode n) {
    switch (n.op()) {
      case "MaxPool", "DepthToSpace" -> {
        if (!n.string("data_format", "NHWC").equals("NHWC")) {
          throw new WeightFormatException(n.name() + ": only NHWC graphs are supported");
        }
      }
      case "ResizeBilinear" -> {
        if (n.bool("align_corners", false) && n.bool("half_pixel_centers", false)) {
          throw new WeightFormatException(
              n.name() + ": align_corners and half_pixel_centers together are undefined");
        }
      }
      default -> {}
    }
  }

  /** {@code paddings} is TensorFlow's [rank, 2] (before, after) per NHWC axis. */
  static NDArray pad(NDArray x, long[] paddings) {
    int rank = x.getShape().dimension();
    if (paddings.length != 2 * rank) {
      throw new WeightFormatException(
          "Pad: " + paddings.length / 2 + " axes of padding for a rank-" + rank + " value");
    }
    // PyTorch's pad lists (before, after) from the last axis backwards.
    long[] torch = new long[2 * rank];
    for (int tfAxis = 0; tfAxis < rank; tfAxis++) {
      int axis = GraphOps.axis(x, tfAxis);
      int fromEnd = rank - 1 - axis;
      torch[2 * fromEnd] = paddings[2 * tfAxis];
      torch[2 * fromEnd + 1] = paddings[2 * tfAxis + 1];
    }
    int last = torch.length;
    while (last > 2 && torch[last - 1] == 0 && torch[last - 2] == 0) {
      last -= 2; // trailing zero pairs: the batch axis is never padded, PyTorch need not see it
    }
    return x.pad(new Shape(java.util.Arrays.copyOf(torch, last)), 0);
  }

  /** A reshape in TensorFlow's element order: a 4-D value is read (and written) as NHWC. */
  static NDArray reshape(NDArray x, long[] shape) {
    NDArray source = x.getShape().dimension() == 4 ? x.transpose(0, 2, 3, 1) : x;
    NDArray y = source.reshape(new Shape(shape));
    return shape.length == 4 ? y.transpose(0, 3, 1, 2) : y;
  }

  /** Inputs: the values, then the axis (an integer constant). */
  static NDArray concat(GraphNode n, Map<String, NDArray> v, Map<String, long[]> ints) {
    List<String> in = n.inputs();
    NDList parts = new NDList();
    for (int i = 0; i < in.size() - 1; i++) {
      parts.add(v.get(in.get(i)));
    }
    int axis = GraphOps.axis(parts.get(0), (int) ints.get(in.get(in.size() - 1))[0]);
    return NDArrays.concat(parts, axis);
  }

  static NDArray maxPool(GraphNode n, NDArray x) {
    List<Long> k = n.longs("ksize");
    List<Long> s = n.longs("strides");
    int kernel = k.get(1).intValue();
    int stride = s.get(1).intValue();
    if (k.get(2) != kernel || s.get(2) != stride) {
      throw new WeightFormatException(n.name() + ": only square pooling windows are supported");
    }
    if (n.string("padding", "VALID").equals("SAME")) {
      int[] ph = Padding.SAME.amounts((int) x.getShape().get(2), kernel, stride);
      int[] pw = Padding.SAME.amounts((int) x.getShape().get(3), kernel, stride);
      if (ph[0] + ph[1] + pw[0] + pw[1] > 0) {
        // TensorFlow ignores padded positions in a maximum: pad with minus infinity.
        x = x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), Float.NEGATIVE_INFINITY);
      }
    }
    return MaxPool.apply(x, kernel, stride);
  }

  /**
   * TensorFlow's DepthToSpace (NHWC, "DCR"): output (h * b + i, w * b + j, c) is input channel (i *
   * b + j) * C' + c at (h, w). PyTorch's pixel shuffle orders channels the other way (c * b * b + i
   * * b + j), so the permutation is spelled out.
   */
  static NDArray depthToSpace(GraphNode n, NDArray x) {
    int b = (int) n.integer("block_size", 0);
    if (b < 1) {
      throw new WeightFormatException(n.name() + ": DepthToSpace without a block_size");
    }
    Shape s = x.getShape();
    long c = s.get(1) / (b * b);
    long h = s.get(2);
    long w = s.get(3);
    return x.reshape(s.get(0), b, b, c, h, w)
        .transpose(0, 3, 4, 1, 5, 2)
        .reshape(s.get(0), c, h * b, w * b);
  }

  /**
   * TensorFlow's bilinear resize to {@code size} = (height, width), as two small interpolation
   * matrices applied along the rows and the columns (exact, and cheap at the sizes of upsampling
   * layers).
   */
  static NDArray resizeBilinear(GraphNode n, NDArray x, long[] size) {
    boolean alignCorners = n.bool("align_corners", false);
    boolean halfPixel = n.bool("half_pixel_centers", false);
    Shape s = x.getShape();
    int inH = (int) s.get(2);
    int inW = (int) s.get(3);
    int outH = (int) size[0];
    int outW = (int) size[1];
    NDArray rows =
        x.getManager()
            .create(weights(inH, outH, alignCorners, halfPixel), new Shape(outH, inH))
            .toType(x.getDataType(), false);
    NDArray cols =
        x.getManager()
            .create(weights(inW, outW, alignCorners, halfPixel), new Shape(outW, inW))
            .toType(x.getDataType(), false);
    return rows.matMul(x.matMul(cols.transpose()));
  }

  /**
   * Row-major [out, in] weights of TensorFlow's resize kernel along one axis: source position (out
   * + 0.5) * in / out - 0.5 with half-pixel centres, out * (in - 1) / (out - 1) with aligned
   * corners, else out * in / out; the two neighbours, clamped to the edge, weighted linearly.
   */
  static float[] weights(int in, int out, boolean alignCorners, boolean halfPixel) {
    double scale = alignCorners && out > 1 ? (in - 1) / (double) (out - 1) : in / (double) out;
    float[] m = new float[out * in];
    for (int o = 0; o < out; o++) {
      double src = halfPixel ? (o + 0.5) * scale - 0.5 : o * scale;
      double floor = Math.floor(src);
      int lower = (int) Math.max(0, floor);
      int upper = (int) Math.min(in - 1, Math.ceil(src));
      float lerp = (float) (src - floor);
      m[o * in + lower] += 1 - lerp;
      m[o * in + upper] += lerp;
    }
    return m;
  }
}
