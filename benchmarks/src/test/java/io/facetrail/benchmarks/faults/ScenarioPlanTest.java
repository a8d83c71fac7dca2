package io.facetrail.benchmarks.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioPlanTest {
  @Test
  void noNamesMeansTheBaselineThenEveryFault() {
    ScenarioPlan plan = ScenarioPlan.parse(List.of());

    assertThat(plan.runs())
        .containsExactly(
            Scenario.BASELINE,
            Scenario.BROKER_RESTART,
            Scenario.REDIS_RESTART,
            Scenario.KILL_EMBEDDER,
            Scenario.KILL_TRACKER,
            Scenario.KILL_MATCHER);
    assertThat(plan.faults()).doesNotContain(Scenario.BASELINE).hasSize(5);
  }

  @Test
  void namedFaultsRunAfterTheBaselineInTheOrderGivenOnceEach() {
    ScenarioPlan plan =
        ScenarioPlan.parse(List.of("kill-matcher", "broker-restart", "kill-matcher", "baseline"));

    assertThat(plan.runs())
        .containsExactly(Scenario.BASELINE, Scenario.KILL_MATCHER, Scenario.BROKER_RESTART);
  }

  @Test
  void anUnknownNameIsRefusedWithTheValidOnes() {
    assertThatThrownBy(() -> ScenarioPlan.parse(List.of("kill-ingest")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scenario 'kill-ingest'")
        .hasMessageContaining("kill-embedder")
        .hasMessageContaining("redis-restart");
  }

  @Test
  void anEmptyNameIsRefused() {
    assertThatThrownBy(() -> ScenarioPlan.parse(List.of("kill-tracker", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty scenario name");
  }

  @Test
  void aPlanWithoutTheBaselineFirstCannotBeMade() {
    assertThatThrownBy(() -> new ScenarioPlan(List.of(Scenario.KILL_TRACKER, Scenario.BASELINE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyFaultHitsOneThingAndOnlyBrokerAndRedisAreOutages() {
    for (Scenario s : ScenarioPlan.all().faults()) {
      assertThat(s.target()).isNotEqualTo(Scenario.Target.NONE);
    }
    assertThat(Scenario.BROKER_RESTART.isOutage()).isTrue();
    assertThat(Scenario.REDIS_RESTART.isOutage()).isTrue();
    assertThat(Scenario.KILL_MATCHER.isOutage()).isFalse();
    assertThat(Scenario.fromCliName("kill-tracker")).isEqualTo(Scenario.KILL_TRACKER);
  }
}
