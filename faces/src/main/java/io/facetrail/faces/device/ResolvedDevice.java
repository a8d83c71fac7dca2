package io.facetrail.faces.device;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

/**
 * A device the networks run on and the precision they use there: float16 on a GPU (where it is
 * faster and exact enough), float32 on the CPU (where float16 is far slower).
 *
 * @param device the DJL device
 * @param dataType FLOAT16 on a GPU, FLOAT32 on the CPU
 * @param threads PyTorch intra-op threads (CPU work)
 * @param reason why this device ({@link DeviceDecision#reason()})
 */
public record ResolvedDevice(Device device, DataType dataType, int threads, String reason) {
  public boolean isGpu() {
    return device.isGpu();
  }

  /** The status line of a run: the device and why, e.g. {@code device cpu (faces.device=cpu)}. */
  public String line() {
    return "device "
        + (device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu")
        + " ("
        + reason
        + ")";
  }

  /** Short description for logs and benchmark lines, e.g. {@code cpu/float32/2t}. */
  public String describe() {
    return (device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu")
        + "/"
        + dataType.name().toLowerCase(java.util.Locale.ROOT)
        + "/"
        + threads
        + "t";
  }
}
