package io.facetrail.faces.cli;

import io.facetrail.faces.device.DeviceSelector;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.model.ModelCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command's face models come from and where they run ({@code --device}, {@code --threads},
 * {@code --models-dir}): one picocli mixin for the benchmarks, evaluations and trainer.
 */
public final class ModelRunOptions {
  @Option(
      names = "--device",
      defaultValue = "cpu",
      description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "PyTorch intra-op threads; 0 for all processors (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--models-dir", description = "Model cache folder.")
  Path modelsDir;

  /** The device the options select, with its thread count applied. */
  public ResolvedDevice select() {
    return DeviceSelector.select(DeviceSetting.parse(device), threads);
  }

  public ModelCache cache() {
    return ModelCache.at(modelsDir);
  }

  /** {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}, as given. */
  public String device() {
    return device;
  }

  public int threads() {
    return threads;
  }

  /** The model cache folder, or null for the library's default. */
  public Path modelsDir() {
    return modelsDir;
  }
}
