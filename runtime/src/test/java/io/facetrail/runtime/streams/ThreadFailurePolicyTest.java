package io.facetrail.runtime.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThreadFailurePolicyTest {
  private final AtomicLong now = new AtomicLong();
  private final List<Throwable> givenUp = new ArrayList<>();
  private final ThreadFailurePolicy policy =
      new ThreadFailurePolicy("test", now::get, givenUp::add);

  @Test
  void threadsAreReplacedUntilTheyKeepFailingThenTheClientStops() {
    for (int i = 0; i < ThreadFailurePolicy.MAX_REPLACEMENTS; i++) {
      now.addAndGet(Duration.ofSeconds(10).toNanos());
      assertThat(policy.handle(new IllegalStateException("transient " + i)))
          .isEqualTo(REPLACE_THREAD);
    }
    assertThat(givenUp).isEmpty();
    IllegalStateException last = new IllegalStateException("again");
    assertThat(policy.handle(last)).isEqualTo(SHUTDOWN_CLIENT);
    assertThat(givenUp).containsExactly(last);
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    for (int i = 0; i < ThreadFailurePolicy.MAX_REPLACEMENTS; i++) {
      assertThat(policy.handle(new IllegalStateException())).isEqualTo(REPLACE_THREAD);
    }
    now.addAndGet(ThreadFailurePolicy.WINDOW.plusSeconds(1).toNanos());
    assertThat(policy.handle(new IllegalStateException())).isEqualTo(REPLACE_THREAD);
    assertThat(givenUp).isEmpty();
  }
}
