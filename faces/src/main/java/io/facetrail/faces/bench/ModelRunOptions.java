package io.facetrail.faces.bench;

import io.facetrail.faces.device.DeviceSelector;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.model.ModelCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the models of a benchmark come from and where they run: one set of options for all. */
final class ModelRunOptions {
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
  ResolvedDevice select() {
    return DeviceSelector.select(DeviceSetting.parse(device), threads);
  }

  ModelCache cache() {
    return ModelCache.at(modelsDir);
  }
}
