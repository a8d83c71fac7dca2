package io.facetrail.runtime.cli;

import io.facetrail.runtime.config.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a command's configuration comes from: {@code --config FILE} and {@code --set KEY=VALUE}.
 * Tools that read a service's configuration (the gallery commands read the matcher's) add it with
 * {@code @Mixin}; services use {@link ConfigOptions}, which adds {@code --print-config}.
 */
public class ConfigFileOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML or .properties configuration file. Built-in defaults apply to every setting it"
              + " leaves out; FACETRAIL_* environment variables override it.")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one setting, e.g. --set kafka.bootstrapServers=kafka:9092 (repeatable; wins"
              + " over the file and the environment).")
  Map<String, String> overrides = new LinkedHashMap<>();

  /**
   * Loads the configuration from the built-in defaults, the file, the environment, the overrides.
   */
  public <T> T load(ConfigLoader<T> loader) {
    return loader.load(file, System.getenv(), overrides);
  }

  /**
   * Like {@link #load(ConfigLoader)}, with {@code settings} (a command's own options, as dotted
   * paths) applied before the {@code --set} overrides, which win.
   */
  public <T> T load(ConfigLoader<T> loader, Map<String, String> settings) {
    return loader.load(file, System.getenv(), withOverrides(settings));
  }

  /** The configuration file given, or null. */
  public Path file() {
    return file;
  }

  /** The {@code --set} overrides, in the order given. */
  public Map<String, String> overrides() {
    return Map.copyOf(overrides);
  }

  Map<String, String> withOverrides(Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>(settings);
    all.putAll(overrides);
    return all;
  }
}
