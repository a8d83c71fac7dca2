package io.facetrail.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthTest {
  @Test
  void notReadyUntilTheServiceSaysItStartedEvenWithEveryCheckUp() {
    Health health = new Health();
    assertThat(health.isReady()).as("no checks yet: the service is still starting").isFalse();
    health.readinessCheck("models", () -> Health.Status.up("warm"));
    assertThat(health.isReady()).isFalse();
    assertThat(health.readiness().get(Health.STARTUP_CHECK))
        .isEqualTo(Health.Status.down("starting"));
    health.started();
    assertThat(health.isReady()).isTrue();
    health.readinessCheck("kafka", () -> Health.Status.down("no broker"));
    assertThat(health.isReady()).isFalse();
  }

  @Test
  void aFatalFailureEndsLivenessAndReadiness() {
    Health health = new Health();
    health.started();
    health.fatal("worker died");
    assertThat(health.isLive()).isFalse();
    assertThat(health.isReady()).isFalse();
    assertThat(health.readiness()).containsKey("fatal");
  }
}
