package io.facetrail.benchmarks.faces;

import io.facetrail.faces.device.NativeTuning;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.pipeline.FacePipeline;
import java.util.Arrays;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON result line of a face-model benchmark: the configuration every line starts with (bench,
 * model, device, threads, processors, native tuning), the figures rounded alike, printed on
 * standard output.
 */
final class ResultLine {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ResultLine() {}

  /** A new line of {@code bench} on {@code dev}, for v1's model unless the caller replaces it. */
  static ObjectNode start(String bench, ResolvedDevice dev) {
    ObjectNode line = JSON.createObjectNode();
    line.put("bench", bench);
    line.put("modelId", FacePipeline.MODEL_ID);
    line.put("device", dev.describe());
    line.put("threads", dev.threads());
    line.put("processors", Runtime.getRuntime().availableProcessors());
    NativeTuning.current().forEach(line.putObject("environment")::put);
    return line;
  }

  /** The timed iterations and their seconds of a measurement. */
  static void putTimed(ObjectNode line, Timing.Measured m) {
    line.put("iterations", m.iterations());
    line.put("seconds", round(m.seconds()));
  }

  static void print(ObjectNode line) {
    System.out.println(JSON.writeValueAsString(line));
  }

  /** Three decimals: what the figures' noise allows. */
  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
