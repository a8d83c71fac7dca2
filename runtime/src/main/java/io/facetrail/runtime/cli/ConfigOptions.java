package io.facetrail.runtime.cli;

import io.facetrail.runtime.config.ConfigLoader;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every service command shares: {@code --config FILE}, {@code --set
 * KEY=VALUE} (repeatable) and {@code --print-config}. Add with {@code @Mixin ConfigOptions config;}
 * and start the command with {@link #printIfRequested}.
 */
public final class ConfigOptions extends ConfigFileOptions {
  @Option(
      names = "--print-config",
      description =
          "Print the effective configuration (defaults, file, environment and --set applied;"
              + " secrets as ******) as YAML, and exit.")
  boolean printConfig;

  /**
   * When {@code --print-config} was given, prints the effective configuration to {@code out} and
   * returns true: the command then exits without starting anything.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException when it is invalid
   */
  public boolean printIfRequested(ConfigLoader<?> loader, PrintWriter out) {
    return printIfRequested(loader, Map.of(), out);
  }

  /** Like {@link #printIfRequested(ConfigLoader, PrintWriter)}, with a command's own settings. */
  public boolean printIfRequested(
      ConfigLoader<?> loader, Map<String, String> settings, PrintWriter out) {
    if (!printConfig) {
      return false;
    }
    out.print(loader.effectiveYaml(file, System.getenv(), withOverrides(settings)));
    out.flush();
    return true;
  }
}
