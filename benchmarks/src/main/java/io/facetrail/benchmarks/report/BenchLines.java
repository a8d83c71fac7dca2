package io.facetrail.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a benchmark's result line that do not depend on what it measures: its name and
 * measurement, its configuration, and the machine it ran on (Java, processors, load: these machines
 * are shared, so a line without its load cannot be read); and latency samples summarised the same
 * way everywhere.
 */
public final class BenchLines {
  private BenchLines() {}

  /**
   * One result line: the benchmark, the measurement, its values, the configuration, the machine.
   */
  public static Map<String, Object> line(
      String benchmark, String measurement, Map<String, Object> values, Object config) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("benchmark", benchmark);
    line.put("measurement", measurement);
    line.putAll(values);
    line.put("config", config);
    line.put("javaVersion", System.getProperty("java.version"));
    line.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    line.put(
        "systemLoadAverage",
        round2(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return line;
  }

  /**
   * {@code extra}, then the sample count and the median, 99th percentile and maximum of {@code
   * nanos} in milliseconds (4 decimals).
   */
  public static Map<String, Object> latencies(long[] nanos, Map<String, Object> extra) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.put("samples", s.length);
    m.put("p50Ms", round4(s[s.length / 2] / 1e6));
    m.put("p99Ms", round4(s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6));
    m.put("maxMs", round4(s[s.length - 1] / 1e6));
    return m;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
