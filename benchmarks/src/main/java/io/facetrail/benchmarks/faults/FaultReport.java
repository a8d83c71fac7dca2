package io.facetrail.benchmarks.faults;

import io.facetrail.benchmarks.report.BenchLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result lines: one per run, each compared with the baseline by event id, and a summary. Lost,
 * duplicated and extra events are listed with their type, track and partition/offset (person ids
 * only, never names), so a finding can be traced in the run's logs.
 */
final class FaultReport {
  private static final String BENCHMARK = "faults";
  private static final int LISTED = 20;

  private FaultReport() {}

  static Map<String, Object> line(RunResult baseline, RunResult run, RunSettings settings) {
    EventComparison c = EventComparison.compare(baseline.eventIds(), run.eventIds());
    boolean passed = c.passed() && run.problem() == null && !baseline.events().isEmpty();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("result", passed ? "pass" : "fail");
    v.put("fault", run.scenario().description());
    v.put("events", run.events().size());
    v.put("baselineEvents", baseline.events().size());
    v.put("eventsByType", byType(run.events()));
    v.put("lost", c.lost().size());
    v.put("duplicated", c.duplicateCount());
    v.put("extra", c.extra().size());
    v.put("lostEvents", describe(c.lost(), baseline.events()));
    v.put("duplicatedEvents", describe(List.copyOf(c.duplicated().keySet()), run.events()));
    v.put("extraEvents", describe(c.extra(), run.events()));
    v.put("faultAtSeconds", run.faultAtSeconds());
    v.put("restartReadySeconds", run.restartReadySeconds());
    v.put("recoverySeconds", run.recoverySeconds());
    v.put("matcherDeferred", run.matcherDeferred());
    v.put("runSeconds", run.runSeconds());
    v.put("problem", baseline.events().isEmpty() ? "the baseline has no events" : run.problem());
    v.put("logs", run.dir().toString());
    return BenchLines.line(BENCHMARK, run.scenario().cliName(), v, settings.describe());
  }

  static boolean passed(Map<String, Object> line) {
    return "pass".equals(line.get("result"));
  }

  static Map<String, Object> summary(
      List<Map<String, Object>> lines, String workDir, RunSettings settings) {
    List<String> failed = new ArrayList<>();
    long lost = 0;
    long duplicated = 0;
    for (Map<String, Object> l : lines) {
      if (!passed(l)) {
        failed.add((String) l.get("measurement"));
      }
      lost += ((Number) l.get("lost")).longValue();
      duplicated += ((Number) l.get("duplicated")).longValue();
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("result", failed.isEmpty() ? "pass" : "fail");
    v.put("runs", lines.size());
    v.put("failed", failed);
    v.put("lost", lost);
    v.put("duplicated", duplicated);
    v.put("workDir", workDir);
    return BenchLines.line(BENCHMARK, "summary", v, settings.describe());
  }

  private static Map<String, Integer> byType(List<IdentityRecord> events) {
    Map<String, Integer> m = new TreeMap<>();
    events.forEach(e -> m.merge(e.type(), 1, Integer::sum));
    return m;
  }

  private static List<Map<String, Object>> describe(List<String> ids, List<IdentityRecord> in) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(LISTED, ids.size()))) {
      for (IdentityRecord r : in) {
        if (r.eventId().equals(id)) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("eventId", id);
          m.put("type", r.type());
          m.put("trackId", r.trackId());
          m.put("personId", r.personId());
          m.put("partition", r.partition());
          m.put("offset", r.offset());
          out.add(m);
        }
      }
    }
    return out;
  }
}
