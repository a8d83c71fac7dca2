package io.facetrail.faces.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D convolution with bias and activation, padded by TensorFlow's rules. Weights are fixed
 * (pretrained, never trained here), so they carry no gradient and any per-channel affine layer that
 * followed the convolution in the original graph is folded into them once at load time.
 */
public final class ConvLayer extends AbstractBlock {
  private final Parameter weight;
  private final Parameter bias;
  private final int kernelH;
  private final int kernelW;
  private final int stride;
  private final int groups;
  private final Padding padding;
  private final Nonlinearity nonlinearity;
  private final int outChannels;

  private ConvLayer(
      NDArray weight, NDArray bias, int stride, int groups, Padding padding, Nonlinearity act) {
    Shape s = weight.getShape();
    this.outChannels = (int) s.get(0);
    this.kernelH = (int) s.get(2);
    this.kernelW = (int) s.get(3);
    this.stride = stride;
    this.groups = groups;
    this.padding = padding;
    this.nonlinearity = act;
    this.weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optArray(weight)
                .optRequiresGrad(false)
                .build());
    this.bias =
        addParameter(
            Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optArray(bias)
                .optRequiresGrad(false)
                .build());
  }

  /**
   * A convolution from an OIHW weight.
   *
   * @param weight OIHW values; for a depthwise layer [C, 1, kh, kw] with {@code groups} = C
   * @param shape {out, in/groups, kh, kw}
   * @param bias one value per output channel (zeros when the layer has none)
   * @param scale per-output-channel multiplier applied after the bias, or null (folded in)
   * @param shift per-output-channel addend applied after the scale, or null (folded in)
   */
  public static ConvLayer of(
      NDManager manager,
      float[] weight,
      long[] shape,
      float[] bias,
      float[] scale,
      float[] shift,
      int stride,
      int groups,
      Padding padding,
      Nonlinearity act) {
    int out = (int) shape[0];
    int perOut = weight.length / out;
    float[] w = weight.clone();
    float[] b = bias == null ? new float[out] : bias.clone();
    for (int o = 0; o < out; o++) {
      float s = scale == null ? 1f : scale[o];
      float t = shift == null ? 0f : shift[o];
      for (int i = 0; i < perOut; i++) {
        w[o * perOut + i] *= s;
      }
      b[o] = b[o] * s + t;
    }
    return new ConvLayer(
        manager.create(w, new Shape(shape)), manager.create(b), stride, groups, padding, act);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Padding.Prepared prepared =
        padding.prepare(inputs.singletonOrThrow(), kernelH, kernelW, stride);
    NDArray x = prepared.input();
    Shape convPad = prepared.convPadding();
    // The weights live on the network's device from load time on; reading them directly (rather
    // than through the ParameterStore's per-device copies) keeps concurrent callers lock-free.
    NDArray w = weight.getArray();
    NDArray b = bias.getArray();
    boolean cpu = !w.getDevice().isGpu();
    boolean duplicate = cpu && tooSmallForOneDnn(x.getShape());
    // A 1x1 kernel has one tap, so its dilation changes nothing but PyTorch's choice of path.
    boolean dilate =
        cpu
            && kernelH == 1
            && kernelW == 1
            && stride == 1
            && x.getShape().get(0) < 16
            && JniUtils.getNumThreads() == 1;
    NDArray in = duplicate ? x.concat(x, 0) : x;
    Shape dilation = dilate ? new Shape(2, 2) : new Shape(1, 1);
    NDArray y =
        in.getNDArrayInternal()
            .convolution(in, w, b, new Shape(stride, stride), convPad, dilation, groups)
            .singletonOrThrow();
    if (duplicate) {
      y = y.get("0:1");
    }
    return new NDList(nonlinearity.apply(y));
  }

  /**
   * PyTorch's CPU convolution (2.7, {@code ConvParams::use_mkldnn}) skips oneDNN for one image
   * without groups, a kernel not larger than 3x3 on both sides and at most 20,480 input values
   * (late layers of the detectors on one frame), and for 1x1 kernels at stride 1 on fewer than 16
   * images with one thread. Its fallback asks NNPACK first, which cannot start on CPUs it does not
   * know (this machine's AMD EPYC) and then logs a warning on every call: thousands of lines per
   * video. The first case runs as a batch of two copies instead, the second with a dilation (a
   * no-op for a 1x1 kernel); oneDNN takes both, for microseconds of extra work.
   */
  private boolean tooSmallForOneDnn(Shape s) {
    return s.get(0) == 1
        && groups == 1
        && !(kernelH > 3 && kernelW > 3)
        && s.get(1) * s.get(2) * s.get(3) <= 20_480;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {
      new Shape(
          s.get(0),
          outChannels,
          padding.outputSize((int) s.get(2), kernelH, stride),
          padding.outputSize((int) s.get(3), kernelW, stride))
    };
  }

  /** Multiply-accumulate count of this layer for one input of size h x w. */
  public long macs(int h, int w) {
    long oh = padding.outputSize(h, kernelH, stride);
    long ow = padding.outputSize(w, kernelW, stride);
    long in = weight.getArray().getShape().get(1);
    return oh * ow * outChannels * in * kernelH * kernelW;
  }

  /** Output side for a square input of side {@code size}. */
  public int outputSize(int size) {
    return padding.outputSize(size, kernelH, stride);
  }

  public int stride() {
    return stride;
  }

  public int outChannels() {
    return outChannels;
  }

  /** The data type of the weights (float32 unless cast for a GPU). */
  public DataType dataType() {
    return weight.getArray().getDataType();
  }
}
