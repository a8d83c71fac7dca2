package io.facetrail.runtime.cli;

import io.facetrail.runtime.config.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every service command shares; add with {@code @Mixin ConfigOptions
 * config;}.
 */
public final class ConfigOptions {
  @Option(
      names = {"-c", "--config"},
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

  /** The configuration file given, or null. */
  public Path file() {
    return file;
  }
}
