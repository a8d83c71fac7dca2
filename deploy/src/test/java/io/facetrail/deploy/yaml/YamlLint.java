package io.facetrail.deploy.yaml;

import io.facetrail.runtime.testing.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code yamllint}. Without it the calling test is skipped, or fails under CI ({@link
 * io.facetrail.runtime.testing.Skips}) naming the Debian package to install.
 */
final class YamlLint {

  private YamlLint() {}

  /** The executable, or skips (fails under CI) the calling test. */
  static String require() {
    return Executables.require("yamllint", "yamllint").toString();
  }

  /** Lints {@code files} with {@code config}; returns yamllint's problem lines (empty: clean). */
  static List<String> run(String yamllint, Path config, List<Path> files) {
    List<String> command =
        new ArrayList<>(List.of(yamllint, "-f", "parsable", "-s", "-c", config.toString()));
    files.forEach(f -> command.add(f.toString()));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("yamllint did not finish within 2 minutes");
      }
      List<String> problems = out.lines().filter(l -> !l.isBlank()).toList();
      if (p.exitValue() != 0 && problems.isEmpty()) {
        throw new AssertionError(
            "yamllint failed with exit code " + p.exitValue() + " and no output");
      }
      return problems;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + yamllint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running yamllint", e);
    }
  }
}
