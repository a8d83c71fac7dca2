package io.facetrail.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
  private final ReconnectPolicy policy =
      new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2, 0.2, 3);

  @Test
  void delaysGrowExponentiallyUpToTheCap() {
    assertThat(policy.delayBefore(1, () -> 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayBefore(2, () -> 0.5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.delayBefore(4, () -> 0.5)).isEqualTo(Duration.ofMillis(4000));
    assertThat(policy.delayBefore(20, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterSpreadsEachDelayWithinItsFraction() {
    assertThat(policy.delayBefore(2, () -> 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.delayBefore(2, () -> 0.999999)).isEqualTo(Duration.ofMillis(1200));
  }

  @Test
  void attemptsAreLimitedUnlessZero() {
    assertThat(policy.allows(3)).isTrue();
    assertThat(policy.allows(4)).isFalse();
    assertThat(ReconnectPolicy.defaults().allows(1_000_000)).isTrue();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(
            () -> new ReconnectPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0, 0))
        .hasMessageContaining("initialDelay <= maxDelay");
    assertThatThrownBy(
            () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 2, 1.5, 0))
        .hasMessageContaining("jitter");
  }
}
