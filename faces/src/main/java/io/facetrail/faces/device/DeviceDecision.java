package io.facetrail.faces.device;

import ai.djl.Device;

/**
 * The device the networks run on and why, in words for the operator: what was configured, what the
 * loaded PyTorch can do, and what to change for a GPU when none is used. Decided without touching
 * the engine, so every case is testable on a machine without a GPU.
 *
 * @param device the chosen device
 * @param reason why, e.g. {@code faces.device=auto; no CUDA device visible to ...}
 * @param fellBack whether a GPU was asked for and the CPU is used instead
 */
public record DeviceDecision(Device device, String reason, boolean fellBack) {
  /** Where the README explains how to run on a GPU. */
  static final String GPU_HELP =
      "for a GPU start with FACETRAIL_NATIVE=cuda (README.md, \"Using a GPU\")";

  /**
   * Decides the device.
   *
   * @param setting the configured device
   * @param library the loaded native library
   * @param gpus the CUDA devices PyTorch sees
   */
  public static DeviceDecision decide(DeviceSetting setting, NativeLibrary library, int gpus) {
    String asked = "faces.device=" + setting;
    String choice = library.choice().isEmpty() ? "" : "; native library " + library.choice();
    return switch (setting.kind()) {
      case CPU -> new DeviceDecision(Device.cpu(), asked + choice, false);
      case AUTO ->
          gpus > 0
              ? new DeviceDecision(Device.gpu(0), asked + "; " + seen(gpus) + choice, false)
              : new DeviceDecision(
                  Device.cpu(), asked + "; " + noGpu(library) + choice + hint(library), false);
      case GPU ->
          setting.gpuIndex() < gpus
              ? new DeviceDecision(
                  Device.gpu(setting.gpuIndex()), asked + "; " + seen(gpus) + choice, false)
              : new DeviceDecision(
                  Device.cpu(),
                  asked
                      + " requested, falling back to the CPU: "
                      + (gpus > 0 ? seen(gpus) : noGpu(library))
                      + choice
                      + hint(library),
                  true);
    };
  }

  private static String seen(int gpus) {
    return "PyTorch sees " + gpus + " CUDA device" + (gpus == 1 ? "" : "s");
  }

  private static String noGpu(NativeLibrary library) {
    return library.cudaBuild()
        ? "no CUDA device visible to the CUDA build of PyTorch in "
            + library.dir()
            + " (driver, CUDA_VISIBLE_DEVICES)"
        // The launcher's choice names the library already.
        : "the loaded PyTorch is a CPU build"
            + (library.choice().isEmpty() ? " (" + library.dir() + ")" : "");
  }

  private static String hint(NativeLibrary library) {
    return library.cudaBuild() ? "" : "; " + GPU_HELP;
  }
}
