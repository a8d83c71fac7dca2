package io.facetrail.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.outbound.config.BackoffSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The schedule of waits: doubling, capped, jittered within the upper half, Retry-After honoured.
 */
class BackoffTest {
  private static Backoff fixed(double random) {
    return new Backoff(BackoffSettings.DEFAULT, () -> random);
  }

  @Test
  void theDefaultCeilingDoublesFromOneSecondToFiveMinutes() {
    List<Long> seconds = new ArrayList<>();
    for (int failed = 1; failed <= 12; failed++) {
      seconds.add(fixed(0).ceiling(failed).toSeconds());
    }
    assertThat(seconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    assertThat(fixed(0).ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void eachWaitIsDrawnFromTheUpperHalfOfItsCeiling() {
    assertThat(fixed(0).delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(fixed(0.999_999).delay(1)).isEqualTo(Duration.ofMillis(1000));
    assertThat(fixed(0.5).delay(3)).isEqualTo(Duration.ofMillis(3000));
    assertThat(fixed(0).delay(20)).isEqualTo(Duration.ofSeconds(150));
    assertThat(fixed(0.999_999).delay(20)).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void eightAttemptsWaitAtMostTwoMinutesSevenSecondsInAll() {
    // The default webhook gives up after 8 attempts: 7 waits of at most 1+2+...+64 s.
    Duration total = Duration.ZERO;
    for (int failed = 1; failed < 8; failed++) {
      total = total.plus(fixed(0.999_999).delay(failed));
    }
    assertThat(total).isEqualTo(Duration.ofSeconds(127));
  }

  @Test
  void retryAfterIsHonouredUpToTheMaximumAndNeverShortensTheBackoff() {
    Backoff b = fixed(0);
    assertThat(b.delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.delay(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(5));
    assertThat(b.delay(6, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(16));
    assertThat(b.delay(6, Optional.empty())).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void aSmallScheduleForTestsAndItsBounds() {
    Backoff b =
        new Backoff(new BackoffSettings(Duration.ofMillis(50), Duration.ofMillis(120)), () -> 0);
    assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(b.ceiling(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.ceiling(3)).isEqualTo(Duration.ofMillis(120));
    assertThatThrownBy(() -> b.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(BackoffSettings.DEFAULT, () -> 1.0).delay(1))
        .isInstanceOf(IllegalStateException.class);
  }
}
