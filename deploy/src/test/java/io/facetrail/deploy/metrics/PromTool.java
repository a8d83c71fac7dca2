package io.facetrail.deploy.metrics;

import io.facetrail.runtime.testing.Executables;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's own linter, {@code promtool check metrics}, over the FaceTrail families of an
 * exposition (the JVM and Kafka client families are Micrometer's and Kafka's naming, not ours).
 * Without promtool the calling test is skipped, or fails under CI naming the Debian package.
 */
final class PromTool {
  private PromTool() {}

  /** The executable, or skips (fails under CI, see Skips) the calling test. */
  static String require() {
    return Executables.require("promtool", "prometheus").toString();
  }

  /**
   * The lines of {@code exposition} that belong to families named {@code facetrail_...}: their HELP
   * and TYPE lines and samples.
   */
  static String faceTrailFamilies(String exposition) {
    StringBuilder out = new StringBuilder();
    boolean ours = false;
    for (String line : exposition.split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        ours = line.substring(7).startsWith("facetrail_");
      } else if (!line.startsWith("#") && !line.isBlank()) {
        ours = line.startsWith("facetrail_");
      }
      if (ours) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** Lints {@code exposition}; returns promtool's problem lines (empty: clean). */
  static List<String> check(String promtool, String exposition) {
    try {
      Process p =
          new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(exposition.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(1, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("promtool did not finish within a minute");
      }
      List<String> problems = new ArrayList<>(out.lines().filter(l -> !l.isBlank()).toList());
      if (p.exitValue() != 0 && problems.isEmpty()) {
        throw new AssertionError("promtool failed with exit code " + p.exitValue());
      }
      return problems;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + promtool + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running promtool", e);
    }
  }
}
