package io.facetrail.tracker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.runtime.config.InvalidConfigurationException;
import io.facetrail.tracker.track.TrackingParameters;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {
  @Test
  void builtInDefaultsMatchTheLibraryDefaults() {
    TrackerConfig config = TrackerConfig.loader().load(null, Map.of(), Map.of());
    assertThat(config.tracking()).isEqualTo(TrackingParameters.defaults());
    assertThat(config.streams().applicationId()).isEqualTo("facetrail-tracker");
  }

  @Test
  void environmentOverridesApply() {
    TrackerConfig config =
        TrackerConfig.loader()
            .load(
                null,
                Map.of(
                    "FACETRAIL_TRACKING_MIN_HITS", "5", "FACETRAIL_TRACKING_MAX_LOST_AGE", "10s"),
                Map.of());
    assertThat(config.tracking().minHits()).isEqualTo(5);
    assertThat(config.tracking().maxLostAge()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                TrackerConfig.loader()
                    .load(
                        null,
                        Map.of(),
                        Map.of(
                            "tracking.minHits", "0",
                            "tracking.lowScore", "0.9",
                            "streams.threads", "0")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("tracking.minHits")
        .hasMessageContaining("tracking.lowScore")
        .hasMessageContaining("streams.threads");
  }
}
