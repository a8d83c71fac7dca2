package io.facetrail.faces.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;

/**
 * TensorFlow's separable convolution: a 3x3 depthwise convolution (no bias) then a 1x1 pointwise
 * convolution with the bias, then the activation.
 */
public final class SeparableConv extends AbstractBlock {
  private final ConvLayer depthwise;
  private final ConvLayer pointwise;

  /**
   * Reads {@code prefix/depthwise_filter}, {@code prefix/pointwise_filter} and {@code prefix/bias}.
   */
  public SeparableConv(
      NDManager manager,
      WeightSet w,
      String prefix,
      int stride,
      Padding padding,
      Nonlinearity act) {
    WeightTensor dw = w.get(prefix + "/depthwise_filter");
    int c = dw.shape()[2];
    depthwise =
        addChildBlock(
            "depthwise",
            ConvLayer.of(
                manager,
                dw.depthwiseToOihw(),
                new long[] {c, 1, dw.shape()[0], dw.shape()[1]},
                null,
                null,
                null,
                stride,
                c,
                padding,
                Nonlinearity.NONE));
    WeightTensor pw = w.get(prefix + "/pointwise_filter");
    int out = pw.shape()[3];
    pointwise =
        addChildBlock(
            "pointwise",
            ConvLayer.of(
                manager,
                pw.hwioToOihw(),
                new long[] {out, c, 1, 1},
                w.get(prefix + "/bias").values(),
                null,
                null,
                1,
                1,
                Padding.VALID,
                act));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return pointwise.forward(ps, depthwise.forward(ps, inputs, training), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return pointwise.getOutputShapes(depthwise.getOutputShapes(inputShapes));
  }

  /** Multiply-accumulates for one h x w input. */
  public long macs(int h, int w) {
    Shape out = depthwise.getOutputShapes(new Shape[] {new Shape(1, 1, h, w)})[0];
    return depthwise.macs(h, w) + pointwise.macs((int) out.get(2), (int) out.get(3));
  }
}
