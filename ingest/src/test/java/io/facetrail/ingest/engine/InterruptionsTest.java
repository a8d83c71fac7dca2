package io.facetrail.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InterruptionsTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Duration STALL = Duration.ofSeconds(2);

  private final Interruptions interruptions = new Interruptions(STALL);

  /**
   * Frames at 25 per second from {@code from} to {@code to} (nanoseconds), the first of which may
   * end a gap; returns {@code to}.
   */
  private long frames(long from, long to) {
    interruptions.frame(from);
    for (long t = from + SECOND / 25; t <= to; t += SECOND / 25) {
      assertThat(interruptions.frame(t)).as("no gap while frames flow").isNull();
    }
    return to;
  }

  @Test
  void failuresBeforeTheFirstFrameAreNoGap() {
    assertThat(interruptions.failed("unreachable: refused", 0, Duration.ZERO)).isEqualTo(1);
    assertThat(interruptions.failed("unreachable: refused", SECOND, Duration.ZERO)).isEqualTo(2);
    assertThat(interruptions.frame(5 * SECOND)).isNull();
  }

  @Test
  void theFirstFrameAfterFailuresReportsTheGapFromTheLastFrameWithTheFirstCause() {
    frames(0, 10 * SECOND);
    interruptions.failed("stalled: no frame for 2 s", 12 * SECOND, STALL);
    interruptions.failed("unreachable: timed out", 13 * SECOND, Duration.ZERO);
    interruptions.failed("unreachable: connection refused", 14 * SECOND, Duration.ZERO);

    StreamGap gap = interruptions.frame(16 * SECOND + SECOND / 2);

    assertThat(gap.length()).isEqualTo(Duration.ofMillis(6500));
    assertThat(gap.reconnects()).isEqualTo(3);
    assertThat(gap.cause()).isEqualTo("stalled: no frame for 2 s");
    assertThat(interruptions.frame(17 * SECOND)).as("reported once").isNull();
  }

  @Test
  void aConnectionThatDeliveredFramesForTheStallTimeoutStartsTheCountAgain() {
    // A camera that drops now and then, with a minute of frames in between: each drop is a
    // first failure, so the back-off starts short again and maxAttempts is never approached.
    long t = 0;
    for (int drop = 0; drop < 5; drop++) {
      t = frames(t, t + 60 * SECOND);
      assertThat(interruptions.failed("connection lost", t, Duration.ZERO)).isEqualTo(1);
      t += SECOND;
    }
    t = frames(t, t + 60 * SECOND);
    assertThat(interruptions.failed("stalled: no frame for 2 s", t + 2 * SECOND, STALL))
        .isEqualTo(1);
  }

  @Test
  void aConnectionThatFailsSoonAfterItsFirstFramesKeepsCountingUp() {
    // Half a second of video after each connect, then silence: noticed a stall timeout later,
    // together with the last frames FFmpeg's buffers release, which must not make the
    // connection look healthy. It backs off further each time; each return still ends a gap.
    long t = 0;
    for (int attempt = 1; attempt <= 4; attempt++) {
      t = frames(t, t + SECOND / 2);
      long noticed = t + 2 * SECOND;
      interruptions.frame(noticed); // released by the interrupted read
      assertThat(interruptions.failed("stalled: no frame for 2 s", noticed, STALL))
          .isEqualTo(attempt);
      t = noticed + SECOND;
      StreamGap gap = interruptions.frame(t);
      assertThat(gap.length())
          .as("gap %d, from the end of the flow", attempt)
          .isEqualTo(STALL.plusSeconds(1));
      t += SECOND / 25;
    }
    assertThat(interruptions.failedAttempts()).isEqualTo(4);
  }

  @Test
  void aGapDescribesItselfForLogsAndStatus() {
    assertThat(new StreamGap(Duration.ofMillis(4240), 2, "stalled: no frame for 2 s").describe())
        .isEqualTo("4.2 s without frames (2 reconnects; cause: stalled: no frame for 2 s)");
    assertThat(new StreamGap(Duration.ofMillis(800), 1, "connection lost").describe())
        .isEqualTo("0.8 s without frames (1 reconnect; cause: connection lost)");
    assertThatThrownBy(() -> new StreamGap(Duration.ofSeconds(1), 0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
