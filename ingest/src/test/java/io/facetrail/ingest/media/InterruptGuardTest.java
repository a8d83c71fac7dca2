package io.facetrail.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InterruptGuardTest {
  @Test
  void interruptsOnlyOnceTheDeadlinePasses() throws Exception {
    try (InterruptGuard guard = new InterruptGuard()) {
      assertThat(guard.poll()).as("not armed").isZero();
      guard.arm(Duration.ofSeconds(30));
      assertThat(guard.poll()).isZero();
      guard.arm(Duration.ofMillis(1));
      Thread.sleep(20);
      assertThat(guard.poll()).isEqualTo(1);
      assertThat(guard.tripped()).isTrue();
      assertThat(guard.stopped()).isFalse();
    }
  }

  @Test
  void aTrippedDeadlineKeepsInterruptingWhenFramesPushItForwardLate() throws Exception {
    // A frame from FFmpeg's buffers re-arms the guard after the deadline interrupted a read: the
    // connection is still dead, and the next read must not block for another whole timeout.
    try (InterruptGuard guard = new InterruptGuard()) {
      guard.arm(Duration.ofMillis(1));
      Thread.sleep(20);
      assertThat(guard.poll()).isEqualTo(1);
      guard.arm(Duration.ofSeconds(30));
      assertThat(guard.expired()).isFalse();
      assertThat(guard.poll()).isEqualTo(1);
      assertThat(guard.tripped()).isTrue();
    }
  }

  @Test
  void stopInterruptsAtOnce() {
    try (InterruptGuard guard = new InterruptGuard()) {
      guard.arm(Duration.ofSeconds(30));
      guard.stop();
      assertThat(guard.poll()).isEqualTo(1);
      assertThat(guard.tripped()).as("a stop is no stall").isFalse();
    }
  }

  @Test
  void aClosedGuardInterruptsFromThenOn() {
    InterruptGuard guard = new InterruptGuard();
    guard.close();
    assertThat(guard.poll()).isEqualTo(1);
    assertThat(guard.tripped()).as("closing is no stall").isFalse();
  }
}
