package io.facetrail.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.TimelineFixtures;
import io.facetrail.contracts.identity.IdentityEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void quantilesAreNearestRank() {
    List<Long> ms = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
    assertThat(LatencyRecorder.quantile(ms, 0.5)).isEqualTo(50);
    assertThat(LatencyRecorder.quantile(ms, 0.9)).isEqualTo(90);
    assertThat(LatencyRecorder.quantile(ms, 0.99)).isEqualTo(100);
    assertThat(LatencyRecorder.quantile(List.of(7L), 0.5)).isEqualTo(7);
    assertThat(LatencyRecorder.quantile(List.of(), 0.5)).isEqualTo(-1);
  }

  @Test
  void onlyIdentifiedEventsOfTheMeasuredStreamCount() {
    LatencyRecorder r = new LatencyRecorder("live");
    // The fixtures' frames were captured at the epoch: a latency of about now.
    r.accept(TimelineFixtures.identity(IdentityEventType.IDENTIFIED, "live", "t1", "Ann", 0, 200));
    r.accept(TimelineFixtures.identity(IdentityEventType.ENDED, "live", "t1", "Ann", 0, 900));
    r.accept(TimelineFixtures.identity(IdentityEventType.IDENTIFIED, "other", "t2", "Bo", 0, 1));
    assertThat(r.events()).isEqualTo(2);
    assertThat(r.sorted())
        .singleElement()
        .satisfies(ms -> assertThat(ms).isGreaterThan(1_000_000_000_000L));
  }
}
