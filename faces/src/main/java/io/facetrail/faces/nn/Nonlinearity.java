package io.facetrail.faces.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activations the face networks use after a convolution. */
public enum Nonlinearity {
  NONE,
  RELU,
  /** min(max(x, 0), 6): MobileNetV1. */
  RELU6,
  /** Leaky ReLU with slope 0.1: the tiny face detector. */
  LEAKY;

  NDArray apply(NDArray x) {
    return switch (this) {
      case NONE -> x;
      case RELU -> Activation.relu(x);
      case RELU6 -> Activation.relu6(x);
      case LEAKY -> Activation.leakyRelu(x, 0.1f);
    };
  }
}
