package io.facetrail.faces.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.facetrail.faces.nn.ConvLayer;
import io.facetrail.faces.nn.MaxPool;
import io.facetrail.faces.nn.Nonlinearity;
import io.facetrail.faces.nn.Padding;
import io.facetrail.faces.weights.WeightSet;
import io.facetrail.faces.weights.WeightTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * dlib's face recognition ResNet as published in face-api's {@code face_recognition_model}: input N
 * x 3 x 150 x 150 raw RGB (0..255), output N x 128 (not normalised).
 *
 * <p>Each convolution of the original is conv + bias, a per-channel affine ("scale") layer and an
 * optional ReLU; the affine part is folded into the convolution. The input normalisation ((x -
 * mean) / divisor) is folded into the stem too: the stem is VALID, so no zero padding sees the
 * un-normalised input.
 */
public final class DlibResNet extends AbstractBlock {
  /** Per-channel RGB mean subtracted before the network. */
  public static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  /** Side of the square input. */
  public static final int INPUT_SIZE = 150;

  private final ConvLayer stem;
  private final List<ResidualUnit> units = new ArrayList<>();
  private final Parameter fc;

  /**
   * @param divisor the input scale: 256 in dlib and face-api.js, 255 in the vladmandic fork
   */
  public DlibResNet(NDManager manager, WeightSet w, float divisor) {
    stem = addChildBlock("conv32_down", stemLayer(manager, w, divisor));
    String[] names = {
      "conv32_1",
      "conv32_2",
      "conv32_3",
      "conv64_down",
      "conv64_1",
      "conv64_2",
      "conv64_3",
      "conv128_down",
      "conv128_1",
      "conv128_2",
      "conv256_down",
      "conv256_1",
      "conv256_2",
      "conv256_down_out"
    };
    for (String name : names) {
      boolean down = name.endsWith("_down") || name.endsWith("_down_out");
      ConvLayer c1 =
          addChildBlock(name + "/conv1", conv(manager, w, name + "/conv1", down ? 2 : 1, true));
      ConvLayer c2 = addChildBlock(name + "/conv2", conv(manager, w, name + "/conv2", 1, false));
      units.add(new ResidualUnit(c1, c2, down));
    }
    float[] fcValues = w.get("fc").requireShape(256, 128).values();
    fc =
        addParameter(
            Parameter.builder()
                .setName("fc")
                .setType(Parameter.Type.WEIGHT)
                .optArray(manager.create(fcValues, new Shape(256, 128)))
                .optRequiresGrad(false)
                .build());
  }

  private static ConvLayer stemLayer(NDManager manager, WeightSet w, float divisor) {
    WeightTensor filters = w.get("conv32_down/conv/filters").requireShape(7, 7, 3, 32);
    float[] oihw = filters.hwioToOihw();
    float[] bias = w.get("conv32_down/conv/bias").values().clone();
    // conv(W, (x - m) / d) = conv(W / d, x) - sum over taps of W * m / d.
    int perOut = 3 * 7 * 7;
    for (int o = 0; o < 32; o++) {
      double offset = 0;
      for (int c = 0; c < 3; c++) {
        for (int k = 0; k < 49; k++) {
          int i = o * perOut + c * 49 + k;
          oihw[i] /= divisor;
          offset += oihw[i] * MEAN_RGB[c];
        }
      }
      bias[o] -= (float) offset;
    }
    return ConvLayer.of(
        manager,
        oihw,
        new long[] {32, 3, 7, 7},
        bias,
        w.get("conv32_down/scale/weights").values(),
        w.get("conv32_down/scale/biases").values(),
        2,
        1,
        Padding.VALID,
        // The stem's ReLU runs after the max pool (trunk): max and ReLU commute, and the pooled map
        // is a quarter of the size.
        Nonlinearity.NONE);
  }

  private static ConvLayer conv(
      NDManager manager, WeightSet w, String prefix, int stride, boolean relu) {
    WeightTensor f = w.get(prefix + "/conv/filters");
    int[] s = f.shape();
    return ConvLayer.of(
        manager,
        f.hwioToOihw(),
        new long[] {s[3], s[2], s[0], s[1]},
        w.get(prefix + "/conv/bias").values(),
        w.get(prefix + "/scale/weights").values(),
        w.get(prefix + "/scale/biases").values(),
        stride,
        1,
        stride == 2 ? Padding.VALID : Padding.SAME,
        relu ? Nonlinearity.RELU : Nonlinearity.NONE);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = trunk(ps, inputs.singletonOrThrow(), units.size(), training);
    Shape s = x.getShape();
    NDArray pooled = x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
    return new NDList(pooled.matMul(fc.getArray()));
  }

  /**
   * The stem and the first {@code count} residual units: the frozen trunk when only the last units
   * are fine-tuned (the trainer caches its output per chip).
   */
  public NDArray trunk(ParameterStore ps, NDArray input, int count, boolean training) {
    if (count < 0 || count > units.size()) {
      throw new IllegalArgumentException(
          "unit count must be within 0-" + units.size() + ", is " + count);
    }
    NDArray x = stem.forward(ps, new NDList(input), training).singletonOrThrow();
    x = Activation.relu(MaxPool.apply(x, 3, 2));
    for (int i = 0; i < count; i++) {
      x = units.get(i).forward(ps, x, training);
    }
    return x;
  }

  /** The number of residual units after the stem (14). */
  public int unitCount() {
    return units.size();
  }

  /** The two convolutions of residual unit {@code i} (0-based), in order. */
  public List<ConvLayer> unitConvolutions(int i) {
    return List.of(units.get(i).conv1, units.get(i).conv2);
  }

  /** Whether residual unit {@code i} halves the size (its shortcut is pooled and padded). */
  public boolean isDownUnit(int i) {
    return units.get(i).down;
  }

  /** The final dense layer, [256, 128], no bias. */
  public Parameter fc() {
    return fc;
  }

  /**
   * Joins a residual unit's main path with its shortcut and applies the ReLU, without in-place
   * operations, so gradients flow through it when the unit is trained.
   *
   * @param main the output of the unit's second convolution
   * @param input the unit's input
   * @param down whether the unit halves the size
   */
  public static NDArray join(NDArray main, NDArray input, boolean down) {
    NDArray shortcut = input;
    if (down) {
      shortcut =
          Pool.avgPool2d(input, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
      long extra = main.getShape().get(1) - shortcut.getShape().get(1);
      if (extra > 0) {
        Shape s = shortcut.getShape();
        shortcut =
            shortcut.concat(
                shortcut
                    .getManager()
                    .zeros(new Shape(s.get(0), extra, s.get(2), s.get(3)), shortcut.getDataType()),
                1);
      }
      long dh = shortcut.getShape().get(2) - main.getShape().get(2);
      long dw = shortcut.getShape().get(3) - main.getShape().get(3);
      if (dh > 0 || dw > 0) {
        // The strided VALID convolution is smaller than the pooled shortcut: zero row and column
        // at the bottom and right, as the reference implementation does.
        main = main.pad(new Shape(0, dw, 0, dh), 0);
      }
    }
    return main.add(shortcut).clip(0f, Float.MAX_VALUE);
  }

  /**
   * {@link #join} when training or when gradients flow through {@code main}, else {@link
   * #joinInPlace}.
   */
  public static NDArray join(NDArray main, NDArray input, boolean down, boolean training) {
    return training || main.hasGradient()
        ? join(main, input, down)
        : joinInPlace(main, input, down);
  }

  /**
   * As {@link #join} for inference, without gradients: the shortcut is added into the main path's
   * own memory (the second convolution's fresh output), and a down unit's shortcut only into the
   * channels it has rather than padded with zero channels first. Profiling at batch 32 measured the
   * joins at 6-8 ms of a 75-85 ms pass with {@link #join} against 3-3.5 ms like this.
   */
  public static NDArray joinInPlace(NDArray main, NDArray input, boolean down) {
    if (!down) {
      return Activation.relu(main.addi(input));
    }
    NDArray shortcut =
        Pool.avgPool2d(input, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    long dh = shortcut.getShape().get(2) - main.getShape().get(2);
    long dw = shortcut.getShape().get(3) - main.getShape().get(3);
    if (dh > 0 || dw > 0) {
      main = main.pad(new Shape(0, dw, 0, dh), 0);
    }
    // A basic slice is a view: adding into it adds into main's first channels.
    main.get(":, 0:" + shortcut.getShape().get(1)).addi(shortcut);
    return Activation.relu(main);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 128)};
  }

  /**
   * Multiply-accumulates of one face, counted from the layer shapes: the 29 convolutions and the
   * final dense layer (pooling and additions are negligible beside them).
   */
  public long macs() {
    return macs(INPUT_SIZE);
  }

  /**
   * As {@link #macs()} for a square input of {@code inputSize} pixels (the network is fully
   * convolutional up to its global average, so smaller chips cost less).
   */
  public long macs(int inputSize) {
    return macs(inputSize, java.util.Set.of());
  }

  /**
   * As {@link #macs(int)} without the units in {@code skipped} (a trained model's dropped ones).
   */
  public long macs(int inputSize, java.util.Set<Integer> skipped) {
    int size = inputSize;
    long total = stem.macs(size, size);
    size = (stem.outputSize(size) - 3) / 2 + 1; // 3x3 max pool, stride 2, VALID
    for (int i = 0; i < units.size(); i++) {
      ResidualUnit u = units.get(i);
      if (skipped.contains(i)) {
        continue; // a unit that keeps the size: the map goes on unchanged
      }
      total += u.conv1.macs(size, size);
      int inner = u.conv1.outputSize(size);
      total += u.conv2.macs(inner, inner);
      size = u.down ? size / 2 : size; // the main path is padded up to the pooled shortcut
    }
    return total + 256L * 128L;
  }

  /** The convolutions in order, for FLOP counting. */
  public List<ConvLayer> convolutions() {
    List<ConvLayer> all = new ArrayList<>();
    all.add(stem);
    for (ResidualUnit u : units) {
      all.add(u.conv1);
      all.add(u.conv2);
    }
    return all;
  }

  /** Two convolutions and a shortcut; a down unit halves the size and may double the channels. */
  private record ResidualUnit(ConvLayer conv1, ConvLayer conv2, boolean down) {
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
      NDArray out = conv1.forward(ps, new NDList(x), training).singletonOrThrow();
      out = conv2.forward(ps, new NDList(out), training).singletonOrThrow();
      return join(out, x, down, training);
    }
  }
}
