package io.facetrail.faces.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * TensorFlow padding rules. TensorFlow's SAME puts the odd pixel of padding after the input (for a
 * stride-2 3x3 convolution on an even size: 0 before, 1 after), where PyTorch pads symmetrically;
 * using PyTorch's rule shifts every feature by a pixel, so the amounts are computed here.
 */
public enum Padding {
  VALID,
  SAME;

  /**
   * Padding before and after along one axis.
   *
   * @return {before, after}
   */
  public int[] amounts(int size, int kernel, int stride) {
    if (this == VALID) {
      return new int[] {0, 0};
    }
    int out = (size + stride - 1) / stride;
    int total = Math.max((out - 1) * stride + kernel - size, 0);
    return new int[] {total / 2, total - total / 2};
  }

  /**
   * An N x C x H x W input made ready for a convolution with this padding: symmetric amounts are
   * left to the convolution; asymmetric ones (TensorFlow SAME with an odd total) are padded here.
   *
   * @param input the input, padded when needed
   * @param convPadding the padding to give the convolution itself
   */
  public record Prepared(NDArray input, Shape convPadding) {}

  /** {@code x} ready for a {@code kernelH x kernelW} convolution at {@code stride}. */
  public Prepared prepare(NDArray x, int kernelH, int kernelW, int stride) {
    Shape s = x.getShape();
    int[] ph = amounts((int) s.get(2), kernelH, stride);
    int[] pw = amounts((int) s.get(3), kernelW, stride);
    if (ph[0] == ph[1] && pw[0] == pw[1]) {
      return new Prepared(x, new Shape(ph[0], pw[0]));
    }
    // Explicit padding, (left, right, top, bottom).
    return new Prepared(x.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0), new Shape(0, 0));
  }

  /** Output size along one axis. */
  public int outputSize(int size, int kernel, int stride) {
    return this == SAME ? (size + stride - 1) / stride : (size - kernel) / stride + 1;
  }
}
