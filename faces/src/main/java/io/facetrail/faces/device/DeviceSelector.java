package io.facetrail.faces.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a {@link DeviceSetting} against the GPUs the PyTorch engine sees ({@link
 * DeviceDecision}). An unavailable GPU falls back to the CPU with a warning saying why, so a
 * misconfigured worker still runs (slowly) and the log tells the operator what happened; every
 * selection logs the device and the reason.
 */
public final class DeviceSelector {
  private static final Logger log = LoggerFactory.getLogger(DeviceSelector.class);

  private DeviceSelector() {}

  /**
   * Chooses the device and sets PyTorch's intra-op thread count.
   *
   * @param threads intra-op threads; 0 means the processors this JVM may use
   * @throws io.facetrail.runtime.cli.UserFacingException when PyTorch's native library cannot be
   *     loaded
   */
  public static ResolvedDevice select(DeviceSetting setting, int threads) {
    Engine engine;
    try {
      engine = Engine.getEngine("PyTorch");
    } catch (EngineException e) {
      throw NativeLibrary.loadFailure(e);
    }
    int gpus = engine.getGpuCount();
    int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    // Global in libtorch: the same for every network of the process.
    JniUtils.setNumThreads(t);
    DeviceDecision decision = DeviceDecision.decide(setting, NativeLibrary.loaded(), gpus);
    Device device = decision.device();
    if (device.isGpu()) {
      // cuDNN picks the fastest kernels per input shape; batches keep their shapes, so it pays.
      System.setProperty("ai.djl.pytorch.cudnn_benchmark", "true");
      JniUtils.setBenchmarkCuDNN(true);
    }
    if (!device.isGpu() && !NativeTuning.missing().isEmpty()) {
      log.warn(
          "{} not set: the face models may run several times slower on this CPU (spinning OpenMP"
              + " threads, memory returned to the kernel after every pass). Start through the"
              + " facetrail launcher or the container entry point, or set {}",
          NativeTuning.missing(),
          NativeTuning.RECOMMENDED);
    }
    ResolvedDevice resolved =
        new ResolvedDevice(
            device, device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32, t, decision.reason());
    if (decision.fellBack()) {
      log.warn("Face models run on {}: {}", resolved.describe(), resolved.line());
    } else {
      log.info("Face models run on {}: {}", resolved.describe(), resolved.line());
    }
    return resolved;
  }
}
