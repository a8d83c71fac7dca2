package io.facetrail.faces.cli;

import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import io.facetrail.faces.device.DeviceSelector;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.device.NativeLibrary;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail device}: loads the PyTorch engine as a run would and says which device the face
 * models would use and why, with the native library behind it: the first step when a GPU is not
 * used.
 */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description = {
      "Show the device the face models would run on and why: the native library loaded (chosen by"
          + " FACETRAIL_NATIVE=cpu|cuda|local in the facetrail launcher, see README.md \"Using a"
          + " GPU\"), the CUDA devices PyTorch sees, and the device --device selects.",
      "With FACETRAIL_NATIVE=cuda FACETRAIL_NATIVE_DOWNLOAD=true it also fills DJL's cache with"
          + " libtorch for CUDA once (network access needed)."
    })
public final class DeviceCommand implements Callable<Integer> {
  @Option(
      names = "--device",
      defaultValue = "auto",
      description =
          "cpu, gpu, gpu:N or auto, as faces.device and run --device take it (default:"
              + " ${DEFAULT-VALUE}).")
  String device;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DeviceSetting setting;
    try {
      setting = DeviceSetting.parse(device);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("--device: " + e.getMessage(), e);
    }
    ResolvedDevice resolved = DeviceSelector.select(setting, 0);
    Engine engine = Engine.getEngine("PyTorch");
    NativeLibrary library = NativeLibrary.loaded();
    PrintWriter out = spec.commandLine().getOut();
    out.println("facetrail: " + resolved.line());
    out.println("  PyTorch " + engine.getVersion() + " from " + library.dir());
    out.println(
        "  build: "
            + (library.cudaBuild() ? "CUDA" : "CPU only")
            + "; CUDA devices PyTorch sees: "
            + engine.getGpuCount()
            + "; CUDA runtime found: "
            + (CudaUtils.hasCuda() ? "yes, version " + CudaUtils.getCudaVersionString() : "no"));
    out.println(
        "  launcher choice: "
            + (library.choice().isEmpty()
                ? "none (not started by the facetrail launcher)"
                : library.choice()));
    out.println("  networks run in " + resolved.describe());
    out.flush();
    return 0;
  }
}
