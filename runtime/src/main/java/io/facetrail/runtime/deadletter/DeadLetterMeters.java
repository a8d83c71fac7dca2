package io.facetrail.runtime.deadletter;

import io.facetrail.contracts.topic.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The dead-letter meters. {@code facetrail.dead.letters} counts per stage and is registered at 0
 * when a stage starts publishing dead letters, so that {@code increase()} over it sees the first
 * one (a series that appears at 1 looks unchanged to Prometheus); {@code
 * facetrail.dead.letter.errors} breaks the count down by error class, which is only known when a
 * record fails.
 */
public final class DeadLetterMeters {
  static final String TOTAL = "facetrail.dead.letters";
  static final String BY_ERROR = "facetrail.dead.letter.errors";

  private DeadLetterMeters() {}

  /** Registers the stage's count at 0 (again: a no-op). */
  public static void register(MeterRegistry registry, Stage stage) {
    if (registry != null) {
      total(registry, stage);
    }
  }

  /** Counts one dead letter of the given stage and error class. */
  static void count(MeterRegistry registry, Stage stage, String errorClass) {
    if (registry == null) {
      return;
    }
    total(registry, stage).increment();
    Counter.builder(BY_ERROR)
        .description("Records a stage could not process, by the simple name of the error's class")
        .tag("stage", stage.id())
        .tag("error", errorClass.substring(errorClass.lastIndexOf('.') + 1))
        .register(registry)
        .increment();
  }

  private static Counter total(MeterRegistry registry, Stage stage) {
    return Counter.builder(TOTAL)
        .description("Records a stage could not process, sent to its dead-letter topic")
        .tag("stage", stage.id())
        .register(registry);
  }
}
