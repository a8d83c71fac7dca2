package io.facetrail.faces.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.nn.ConvLayer;
import io.facetrail.faces.nn.Nonlinearity;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * SSD with a MobileNetV1 backbone (face-api's {@code ssd_mobilenetv1_model}): input N x 3 x H x W
 * scaled to -1..1 (512 x 512 in the reference); outputs box encodings N x A x 4 and class logits N
 * x A x 3, one row per anchor, ordered by layer, row, column and anchor as the anchors stored with
 * the weights (A = 5,118 for 512 x 512; {@link #anchorCount} for other sizes). Batch norms are
 * folded into the depthwise convolutions at load time.
 */
public final class SsdMobileNetV1 extends AbstractBlock {
  public static final int INPUT_SIZE = 512;
  private static final float BN_EPSILON = 0.0010000000474974513f;

  private final List<ConvLayer> backbone = new ArrayList<>();
  private final List<ConvLayer> extra = new ArrayList<>();
  private final List<ConvLayer> boxHeads = new ArrayList<>();
  private final List<ConvLayer> classHeads = new ArrayList<>();

  public SsdMobileNetV1(NDManager manager, WeightSet w) {
    backbone.add(add(pointwise(manager, w, "MobilenetV1/Conv2d_0_pointwise", 2)));
    for (int i = 1; i <= 13; i++) {
      int stride = (i == 2 || i == 4 || i == 6 || i == 12) ? 2 : 1;
      backbone.add(add(depthwise(manager, w, "MobilenetV1/Conv2d_" + i + "_depthwise", stride)));
      backbone.add(add(pointwise(manager, w, "MobilenetV1/Conv2d_" + i + "_pointwise", 1)));
    }
    for (int i = 0; i <= 7; i++) {
      extra.add(
          add(pointwise(manager, w, "Prediction/Conv2d_" + i + "_pointwise", i % 2 == 1 ? 2 : 1)));
    }
    for (int i = 0; i < 6; i++) {
      String p = "Prediction/BoxPredictor_" + i;
      boxHeads.add(add(head(manager, w, p + "/BoxEncodingPredictor")));
      classHeads.add(add(head(manager, w, p + "/ClassPredictor")));
    }
  }

  private ConvLayer add(ConvLayer layer) {
    return addChildBlock("conv" + getChildren().size(), layer);
  }

  /** Conv + "convolution_bn_offset" + ReLU6 (a 3x3 for the stem and the strided extras). */
  private static ConvLayer pointwise(NDManager m, WeightSet w, String prefix, int stride) {
    WeightTensor f = w.get(prefix + "/weights");
    int[] s = f.shape();
    return ConvLayer.of(
        m,
        f.hwioToOihw(),
        new long[] {s[3], s[2], s[0], s[1]},
        w.get(prefix + "/convolution_bn_offset").values(),
        null,
        null,
        stride,
        1,
        Padding.SAME,
        Nonlinearity.RELU6);
  }

  /** Depthwise 3x3 + batch norm (folded) + ReLU6. */
  private static ConvLayer depthwise(NDManager m, WeightSet w, String prefix, int stride) {
    WeightTensor f = w.get(prefix + "/depthwise_weights");
    int c = f.shape()[2];
    float[] gamma = w.get(prefix + "/BatchNorm/gamma").values();
    float[] beta = w.get(prefix + "/BatchNorm/beta").values();
    float[] mean = w.get(prefix + "/BatchNorm/moving_mean").values();
    float[] var = w.get(prefix + "/BatchNorm/moving_variance").values();
    float[] scale = new float[c];
    float[] shift = new float[c];
    for (int i = 0; i < c; i++) {
      scale[i] = (float) (gamma[i] / Math.sqrt(var[i] + BN_EPSILON));
      shift[i] = beta[i] - mean[i] * scale[i];
    }
    return ConvLayer.of(
        m,
        f.depthwiseToOihw(),
        new long[] {c, 1, 3, 3},
        null,
        scale,
        shift,
        stride,
        c,
        Padding.SAME,
        Nonlinearity.RELU6);
  }

  private static ConvLayer head(NDManager m, WeightSet w, String prefix) {
    WeightTensor f = w.get(prefix + "/weights");
    int[] s = f.shape();
    return ConvLayer.of(
        m,
        f.hwioToOihw(),
        new long[] {s[3], s[2], s[0], s[1]},
        w.get(prefix + "/biases").values(),
        null,
        null,
        1,
        1,
        Padding.SAME,
        Nonlinearity.NONE);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray conv11 = null;
    for (int i = 0; i < backbone.size(); i++) {
      x = run(ps, backbone.get(i), x, training);
      if (i == 22) {
        conv11 = x; // output of pair 11 (stem + 11 depthwise/pointwise pairs)
      }
    }
    NDArray[] features = new NDArray[6];
    features[0] = conv11;
    features[1] = x;
    NDArray e = x;
    for (int i = 0; i < extra.size(); i++) {
      e = run(ps, extra.get(i), e, training);
      if (i % 2 == 1) {
        features[2 + i / 2] = e;
      }
    }
    NDList boxes = new NDList(6);
    NDList classes = new NDList(6);
    long n = x.getShape().get(0);
    for (int i = 0; i < 6; i++) {
      boxes.add(
          run(ps, boxHeads.get(i), features[i], training).transpose(0, 2, 3, 1).reshape(n, -1, 4));
      classes.add(
          run(ps, classHeads.get(i), features[i], training)
              .transpose(0, 2, 3, 1)
              .reshape(n, -1, 3));
    }
    return new NDList(NDArrays.concat(boxes, 1), NDArrays.concat(classes, 1));
  }

  private static NDArray run(ParameterStore ps, ConvLayer layer, NDArray x, boolean training) {
    return layer.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  /**
   * Side of each prediction layer's feature map along one axis of {@code side} input pixels (the
   * backbone's stride-16 and stride-32 maps, then the four extra layers).
   */
  public int[] featureSizes(int side) {
    int[] out = new int[6];
    int size = side;
    for (int i = 0; i < backbone.size(); i++) {
      size = backbone.get(i).outputSize(size);
      if (i == 22) {
        out[0] = size;
      }
    }
    out[1] = size;
    for (int i = 0; i < extra.size(); i++) {
      size = extra.get(i).outputSize(size);
      if (i % 2 == 1) {
        out[2 + i / 2] = size;
      }
    }
    return out;
  }

  /** Multiply-accumulates of one forward pass of one 512x512 image, from the layer shapes. */
  public long macs() {
    return macs(INPUT_SIZE, INPUT_SIZE);
  }

  /** Multiply-accumulates of one forward pass of one {@code height x width} input. */
  public long macs(int height, int width) {
    long total = 0;
    int h = height;
    int w = width;
    for (ConvLayer layer : backbone) {
      total += layer.macs(h, w);
      h = layer.outputSize(h);
      w = layer.outputSize(w);
    }
    for (ConvLayer layer : extra) {
      total += layer.macs(h, w);
      h = layer.outputSize(h);
      w = layer.outputSize(w);
    }
    int[] rows = featureSizes(height);
    int[] cols = featureSizes(width);
    for (int i = 0; i < 6; i++) {
      total += boxHeads.get(i).macs(rows[i], cols[i]) + classHeads.get(i).macs(rows[i], cols[i]);
    }
    return total;
  }

  /** Anchor count of a {@code height x width} input: 5,118 for 512x512. */
  public int anchorCount(int height, int width) {
    int[] rows = featureSizes(height);
    int[] cols = featureSizes(width);
    int total = 0;
    for (int i = 0; i < 6; i++) {
      total += rows[i] * cols[i] * (i == 0 ? 3 : 6);
    }
    return total;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    long n = s.get(0);
    int anchors = anchorCount((int) s.get(2), (int) s.get(3));
    return new Shape[] {new Shape(n, anchors, 4), new Shape(n, anchors, 3)};
  }
}
