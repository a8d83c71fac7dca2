package io.facetrail.benchmarks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result lines, from fake runs (identity records made up here, no processes). */
class FaultReportTest {
  private static final RunSettings SETTINGS =
      new RunSettings(
          Path.of("faults.mp4"),
          5,
          "FAST",
          15,
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(600));

  private static IdentityRecord fakeEvent(String id, String type, long offset) {
    return new IdentityRecord(id, type, "video/r0/t" + offset, null, 0, offset);
  }

  private static RunResult fakeRun(Scenario s, String problem, IdentityRecord... events) {
    return new RunResult(
        s, List.of(events), 3.0, 4.5, 2.0, 0.0, 40.0, problem, Path.of("/tmp/fake-run"));
  }

  private final RunResult baseline =
      fakeRun(
          Scenario.BASELINE,
          null,
          fakeEvent("e1", "identified", 0),
          fakeEvent("e2", "ended", 1),
          fakeEvent("e3", "unknown", 2));

  @Test
  void aRunWithTheBaselinesEventsPasses() {
    Map<String, Object> line =
        FaultReport.line(
            baseline,
            fakeRun(
                Scenario.KILL_MATCHER,
                null,
                fakeEvent("e3", "unknown", 0),
                fakeEvent("e1", "identified", 1),
                fakeEvent("e2", "ended", 2)),
            SETTINGS);

    assertThat(line)
        .containsEntry("benchmark", "faults")
        .containsEntry("measurement", "kill-matcher")
        .containsEntry("result", "pass")
        .containsEntry("lost", 0)
        .containsEntry("duplicated", 0)
        .containsEntry("recoverySeconds", 4.5)
        .containsKey("config");
  }

  @Test
  void aLostAndADuplicatedEventAreNamedAndFail() {
    Map<String, Object> line =
        FaultReport.line(
            baseline,
            fakeRun(
                Scenario.BROKER_RESTART,
                null,
                fakeEvent("e1", "identified", 0),
                fakeEvent("e1", "identified", 1),
                fakeEvent("e3", "unknown", 2)),
            SETTINGS);

    assertThat(line).containsEntry("result", "fail").containsEntry("lost", 1);
    assertThat(line).containsEntry("duplicated", 1);
    assertThat(line.get("lostEvents").toString()).contains("e2").contains("ended");
    assertThat((List<?>) line.get("duplicatedEvents")).hasSize(2);
  }

  @Test
  void aRunThatDidNotFinishFailsEvenWithEveryEvent() {
    Map<String, Object> line =
        FaultReport.line(
            baseline,
            fakeRun(
                Scenario.KILL_TRACKER,
                "tracker exited on its own",
                baseline.events().toArray(IdentityRecord[]::new)),
            SETTINGS);

    assertThat(line)
        .containsEntry("result", "fail")
        .containsEntry("problem", "tracker exited on its own");
  }

  @Test
  void anEmptyBaselineProvesNothingAndFails() {
    RunResult empty = fakeRun(Scenario.BASELINE, null);

    assertThat(FaultReport.line(empty, empty, SETTINGS)).containsEntry("result", "fail");
  }

  @Test
  void theSummaryFailsWhenAnyRunFailedAndAddsUpLostAndDuplicated() {
    List<Map<String, Object>> lines = new ArrayList<>();
    lines.add(FaultReport.line(baseline, baseline, SETTINGS));
    lines.add(
        FaultReport.line(
            baseline, fakeRun(Scenario.KILL_EMBEDDER, null, fakeEvent("e1", "x", 0)), SETTINGS));

    Map<String, Object> summary = FaultReport.summary(lines, "/tmp/w", SETTINGS);

    assertThat(summary)
        .containsEntry("result", "fail")
        .containsEntry("lost", 2L)
        .containsEntry("failed", List.of("kill-embedder"));
  }
}
