package io.facetrail.faces.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Objects;
import java.util.function.Function;

/**
 * A loaded network on one device: its block, the manager owning its weights, and the precision it
 * runs in. {@link #infer} runs one batch with every intermediate array in a per-call sub-manager,
 * freed when the call returns, so concurrent callers neither share nor leak native memory.
 *
 * @param <B> the block type
 */
public final class Network<B extends Block> implements AutoCloseable {
  private final NDManager manager;
  private final B block;
  private final DataType dataType;
  private final ParameterStore store;

  /**
   * @param manager owns the weights (closed with the network)
   * @param block the network, with weights already on {@code manager}'s device
   * @param dataType FLOAT32, or FLOAT16 on a GPU (the block is cast here)
   */
  public Network(NDManager manager, B block, DataType dataType) {
    this.manager = Objects.requireNonNull(manager);
    this.block = Objects.requireNonNull(block);
    this.dataType = Objects.requireNonNull(dataType);
    if (dataType != DataType.FLOAT32) {
      block.cast(dataType);
    }
    this.store = new ParameterStore(manager, false);
  }

  /**
   * A network whose weights {@code build} places on a new manager for {@code device}: the one way
   * the model wrappers load, so that a failure while building closes the manager instead of leaking
   * its native memory.
   *
   * @param dataType FLOAT32, or FLOAT16 on a GPU
   */
  public static <B extends Block> Network<B> load(
      Device device, DataType dataType, Function<NDManager, B> build) {
    NDManager manager = NDManager.newBaseManager(device);
    try {
      return new Network<>(manager, build.apply(manager), dataType);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  public B block() {
    return block;
  }

  public Device device() {
    return manager.getDevice();
  }

  public DataType dataType() {
    return dataType;
  }

  /**
   * Runs one batch.
   *
   * @param input builds the float32 input on the given per-call manager
   * @param output reads the results into Java values before the call's memory is freed
   */
  public <T> T infer(Function<NDManager, NDArray> input, Function<NDList, T> output) {
    try (NDManager call = manager.newSubManager()) {
      NDArray x = input.apply(call);
      if (x.getDataType() != dataType) {
        x = x.toType(dataType, false);
      }
      NDList y = block.forward(store, new NDList(x), false, null);
      if (dataType != DataType.FLOAT32) {
        NDList f = new NDList(y.size());
        for (NDArray a : y) {
          f.add(a.toType(DataType.FLOAT32, false));
        }
        y = f;
      }
      return output.apply(y);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
