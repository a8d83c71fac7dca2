package io.facetrail.benchmarks.faces;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The throughput ceiling: fp32 FLOP/s of one large 3x3 convolution (stride 1, padding 1) in DJL on
 * the same device and threads as the network, to judge how much of the hardware the network uses.
 */
final class ConvCeiling implements AutoCloseable {
  private final NDManager manager;
  private final NDArray input;
  private final NDArray weight;
  private final NDArray bias;
  private final long flopsPerCall;
  private final String shape;

  ConvCeiling(Device device, DataType type, int batch, int channels, int size) {
    manager = NDManager.newBaseManager(device);
    input = manager.randomNormal(new Shape(batch, channels, size, size)).toType(type, false);
    weight =
        manager.randomNormal(new Shape(channels, channels, 3, 3)).mul(0.05f).toType(type, false);
    bias = manager.zeros(new Shape(channels)).toType(type, false);
    flopsPerCall = 2L * batch * size * size * channels * channels * 9;
    shape =
        batch + "x" + channels + "x" + size + "x" + size + " * " + channels + "x" + channels
            + "x3x3";
  }

  /** Runs the convolution once, freeing its output. */
  void run() {
    try (NDManager call = manager.newSubManager()) {
      NDArray y =
          input
              .getNDArrayInternal()
              .convolution(
                  input, weight, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
              .singletonOrThrow();
      y.attach(call);
      // Reading one value forces completion on asynchronous devices.
      y.get(0, 0, 0, 0).getFloat();
    }
  }

  long flopsPerCall() {
    return flopsPerCall;
  }

  String shape() {
    return shape;
  }

  @Override
  public void close() {
    manager.close();
  }
}
