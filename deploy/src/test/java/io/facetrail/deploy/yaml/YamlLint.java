package io.facetrail.deploy.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code yamllint}. Without it the calling test is skipped, unless {@code
 * FACETRAIL_REQUIRE_SHARED_DATA=true} (CI), where a missing linter fails with the install command.
 */
final class YamlLint {
  static final String INSTALL = "apt-get install -y --no-install-recommends yamllint";

  private YamlLint() {}

  /** The executable, or skips (fails under CI) the calling test. */
  static String require() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir, "yamllint");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String message = "yamllint is not installed (Debian: " + INSTALL + ")";
    if ("true".equalsIgnoreCase(System.getenv("FACETRAIL_REQUIRE_SHARED_DATA"))) {
      throw new AssertionError(message + "; CI must lint the YAML files, so this fails");
    }
    Assumptions.abort("SKIPPED: " + message);
    throw new AssertionError("unreachable");
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
