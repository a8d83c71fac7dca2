package io.facetrail.faces.nn;

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

  /** Output size along one axis. */
  public int outputSize(int size, int kernel, int stride) {
    return this == SAME ? (size + stride - 1) / stride : (size - kernel) / stride + 1;
  }
}
