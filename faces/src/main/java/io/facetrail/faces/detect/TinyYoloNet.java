package io.facetrail.faces.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.nn.ConvLayer;
import io.facetrail.faces.nn.Nonlinearity;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.nn.SeparableConv;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny face detector (face-api's {@code tiny_face_detector_model}, a Tiny-YOLOv2 with separable
 * convolutions and leaky ReLU 0.1): input N x 3 x S x S (S a multiple of 32, normalised (RGB -
 * mean) / 255), output N x 25 x S/32 x S/32: per cell 5 anchors x (x, y, w, h, score) logits.
 */
public final class TinyYoloNet extends AbstractBlock {
  public static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};

  private final ConvLayer conv0;
  private final List<SeparableConv> separable = new ArrayList<>();
  private final ConvLayer conv8;

  public TinyYoloNet(NDManager m, WeightSet w) {
    WeightTensor f0 = w.get("conv0/filters").requireShape(3, 3, 3, 16);
    conv0 =
        addChildBlock(
            "conv0",
            ConvLayer.of(
                m,
                f0.hwioToOihw(),
                new long[] {16, 3, 3, 3},
                w.get("conv0/bias").values(),
                null,
                null,
                1,
                1,
                Padding.VALID,
                Nonlinearity.LEAKY));
    for (int i = 1; i <= 5; i++) {
      separable.add(
          addChildBlock(
              "conv" + i,
              new SeparableConv(m, w, "conv" + i, 1, Padding.SAME, Nonlinearity.LEAKY)));
    }
    WeightTensor f8 = w.get("conv8/filters").requireShape(1, 1, 512, 25);
    conv8 =
        addChildBlock(
            "conv8",
            ConvLayer.of(
                m,
                f8.hwioToOihw(),
                new long[] {25, 512, 1, 1},
                w.get("conv8/bias").values(),
                null,
                null,
                1,
                1,
                Padding.VALID,
                Nonlinearity.NONE));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = conv0.forward(ps, inputs, training).singletonOrThrow();
    for (int i = 0; i < separable.size(); i++) {
      // TensorFlow's SAME max pool pads the odd pixel after the input: ceil mode does the same.
      x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
      x = separable.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
    }
    // Stride-1 SAME max pool: one row and column of -infinity after the input.
    x = x.pad(new Shape(0, 1, 0, 1), Float.NEGATIVE_INFINITY);
    x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(1, 1), new Shape(0, 0), false);
    return conv8.forward(ps, new NDList(x), training);
  }

  /** Multiply-accumulates for one image of side {@code size}. */
  public long macs(int size) {
    long total = conv0.macs(size, size);
    int s = conv0.outputSize(size);
    for (SeparableConv c : separable) {
      s = (s + 1) / 2;
      total += c.macs(s, s);
    }
    return total + conv8.macs(s, s);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long cells = inputShapes[0].get(2) / 32;
    return new Shape[] {new Shape(inputShapes[0].get(0), 25, cells, cells)};
  }
}
