package io.facetrail.app.report;

import io.facetrail.ingest.engine.StreamOutcome;
import java.util.Locale;

/**
 * How the reading of one input ended.
 *
 * @param status completed, failed or stopped
 * @param detail why it failed (names the input and the cause), or empty
 * @param framesRead frames of the input covered
 * @param framesAnalysed frames sampled and sent to the face models
 * @param framesCorrupt frames lost to corrupt data
 */
public record InputOutcome(
    Status status, String detail, long framesRead, long framesAnalysed, long framesCorrupt) {

  /** How an input ended. */
  public enum Status {
    COMPLETED,
    FAILED,
    STOPPED
  }

  public InputOutcome {
    detail = detail == null ? "" : detail;
  }

  /** The outcome the ingest engine reported. */
  public static InputOutcome of(StreamOutcome o) {
    var c = o.counts();
    return new InputOutcome(
        Status.valueOf(o.reason().name()),
        o.detail(),
        c.framesRead(),
        c.framesSelected(),
        c.framesCorrupt());
  }

  /** One line for people, e.g. {@code completed: 90 frames read, 45 analysed}. */
  public String describe() {
    String counts =
        String.format(
            Locale.ROOT,
            "%d frames read, %d analysed%s",
            framesRead,
            framesAnalysed,
            framesCorrupt > 0 ? ", " + framesCorrupt + " lost to corrupt data" : "");
    return switch (status) {
      case COMPLETED -> "completed: " + counts;
      case STOPPED -> "stopped: " + counts;
      case FAILED -> "FAILED: " + detail;
    };
  }
}
