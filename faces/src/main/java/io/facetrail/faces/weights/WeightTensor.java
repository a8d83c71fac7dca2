package io.facetrail.faces.weights;

import java.util.Arrays;

/**
 * One dequantised tensor in TensorFlow layout, with conversions to the layouts PyTorch expects.
 *
 * @param name the tensor's name in the manifest
 * @param shape TensorFlow shape (e.g. HWIO for a convolution kernel)
 * @param values row-major values
 */
public record WeightTensor(String name, int[] shape, float[] values) {
  public WeightTensor {
    shape = shape.clone();
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n != values.length) {
      throw new WeightFormatException(
          name
              + ": shape "
              + Arrays.toString(shape)
              + " needs "
              + n
              + " values, has "
              + values.length);
    }
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Throws unless the tensor has exactly {@code expected} as shape. */
  public WeightTensor requireShape(int... expected) {
    if (!Arrays.equals(shape, expected)) {
      throw new WeightFormatException(
          name
              + ": expected shape "
              + Arrays.toString(expected)
              + " but the manifest declares "
              + Arrays.toString(shape));
    }
    return this;
  }

  /** A convolution kernel HWIO [kh, kw, in, out] as OIHW [out, in, kh, kw]. */
  public float[] hwioToOihw() {
    requireRank(4);
    int kh = shape[0];
    int kw = shape[1];
    int in = shape[2];
    int out = shape[3];
    float[] r = new float[values.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          int src = ((y * kw + x) * in + i) * out;
          for (int o = 0; o < out; o++) {
            r[((o * in + i) * kh + y) * kw + x] = values[src + o];
          }
        }
      }
    }
    return r;
  }

  /**
   * A depthwise kernel [kh, kw, C, 1] as the grouped-convolution weight [C, 1, kh, kw] (groups =
   * C).
   */
  public float[] depthwiseToOihw() {
    requireRank(4);
    if (shape[3] != 1) {
      throw new WeightFormatException(
          name + ": a depthwise kernel needs multiplier 1, shape is " + Arrays.toString(shape));
    }
    return hwioToOihwDepthwise(shape[0], shape[1], shape[2]);
  }

  private float[] hwioToOihwDepthwise(int kh, int kw, int c) {
    float[] r = new float[values.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int ch = 0; ch < c; ch++) {
          r[(ch * kh + y) * kw + x] = values[(y * kw + x) * c + ch];
        }
      }
    }
    return r;
  }

  /** A dense weight [in, out] as PyTorch's linear weight [out, in]. */
  public float[] denseTransposed() {
    requireRank(2);
    int in = shape[0];
    int out = shape[1];
    float[] r = new float[values.length];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        r[o * in + i] = values[i * out + o];
      }
    }
    return r;
  }

  private void requireRank(int rank) {
    if (shape.length != rank) {
      throw new WeightFormatException(
          name + ": expected a rank-" + rank + " tensor, shape is " + Arrays.toString(shape));
    }
  }
}
