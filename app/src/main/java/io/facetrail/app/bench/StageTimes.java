package io.facetrail.app.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedder's model time per stage (decode, detect, landmarks, align, embed) between two
 * snapshots, per analysed frame: where a phase's time went, so a real-time factor below one points
 * at the stage to speed up.
 */
final class StageTimes {
  static final String[] STAGES = {"decode", "detect", "landmarks", "align", "embed"};
  private static final String TIMER = "facetrail.embedder.stage.latency";

  private final Map<String, Double> seconds;
  private final long faces;

  private StageTimes(Map<String, Double> seconds, long faces) {
    this.seconds = seconds;
    this.faces = faces;
  }

  /** The registry's totals now. */
  static StageTimes snapshot(MeterRegistry registry) {
    Map<String, Double> s = new LinkedHashMap<>();
    for (String stage : STAGES) {
      Timer t = registry.find(TIMER).tag("stage", stage).timer();
      s.put(stage, t == null ? 0.0 : t.totalTime(TimeUnit.NANOSECONDS) / 1e9);
    }
    var counter = registry.find("facetrail.embedder.faces").counter();
    return new StageTimes(s, counter == null ? 0 : (long) counter.count());
  }

  /** Milliseconds per frame of each stage since {@code before}, and faces per frame. */
  Map<String, Object> perFrameSince(StageTimes before, long frames) {
    Map<String, Object> out = new LinkedHashMap<>();
    double n = Math.max(1, frames);
    double total = 0;
    for (String stage : STAGES) {
      double d = seconds.get(stage) - before.seconds.get(stage);
      total += d;
      out.put(stage + "MsPerFrame", Math.round(d * 1e4 / n) / 10.0);
    }
    out.put("modelMsPerFrame", Math.round(total * 1e4 / n) / 10.0);
    out.put("facesPerFrame", Math.round((faces - before.faces) * 100 / n) / 100.0);
    return out;
  }
}
