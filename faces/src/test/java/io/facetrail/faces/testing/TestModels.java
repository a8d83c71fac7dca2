package io.facetrail.faces.testing;

import io.facetrail.faces.device.DeviceSelector;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.model.ModelCache;

/**
 * The real models for tests, from the same cache users get (fetched on first use; CI fetches them
 * beforehand with {@code facetrail models fetch}), on the CPU.
 */
public final class TestModels {
  private static ModelCache cache;
  private static ResolvedDevice cpu;

  private TestModels() {}

  public static synchronized ModelCache cache() {
    if (cache == null) {
      cache = ModelCache.at(null);
    }
    return cache;
  }

  public static synchronized ResolvedDevice cpu() {
    if (cpu == null) {
      cpu = DeviceSelector.select(DeviceSetting.parse("cpu"), 0);
    }
    return cpu;
  }
}
