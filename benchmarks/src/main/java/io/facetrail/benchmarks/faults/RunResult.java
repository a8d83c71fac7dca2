package io.facetrail.benchmarks.faults;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run produced.
 *
 * @param events the identity topic read to its end after the run, in topic order
 * @param faultAtSeconds when the fault was injected, seconds after ingest started (null: none)
 * @param recoverySeconds from the fault to the faulted stage processing again: its consumer group
 *     committing past where it was at the fault (the matcher's readiness, gallery fresh, after the
 *     Redis restart); null when it never did or there was no fault
 * @param restartReadySeconds from the fault to the restarted process answering ready (a stage's
 *     {@code /health/ready}; the broker's ready line, Redis's PING, both after the outage); null
 *     for the baseline
 * @param matcherDeferred decisions the matcher held back while the gallery was stale ({@code
 *     facetrail_matcher_deferred_total} at the end of the run; since its restart for a killed
 *     matcher), null if it could not be read
 * @param runSeconds from ingest's start to the end of the run
 * @param problem why the run did not complete normally (null when it did)
 * @param dir the run's folder with every process's log
 */
record RunResult(
    Scenario scenario,
    List<IdentityRecord> events,
    Double faultAtSeconds,
    Double recoverySeconds,
    Double restartReadySeconds,
    Double matcherDeferred,
    double runSeconds,
    String problem,
    Path dir) {
  List<String> eventIds() {
    return events.stream().map(IdentityRecord::eventId).toList();
  }
}
