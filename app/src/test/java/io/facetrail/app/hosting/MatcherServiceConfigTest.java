package io.facetrail.app.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.config.InvalidConfigurationException;
import io.facetrail.tracker.track.TrackingParameters;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherServiceConfigTest {
  @Test
  void itHoldsEveryMatcherSettingAndTheHostedTracker() {
    List<String> expected = new ArrayList<>(names(MatcherConfig.class));
    expected.add("tracker");
    assertThat(names(MatcherServiceConfig.class))
        .as("a setting added to MatcherConfig must be added to MatcherServiceConfig too")
        .containsExactlyElementsOf(expected);
  }

  @Test
  void defaultsAreTheMatchersWithASeparateTracker() {
    MatcherServiceConfig c = MatcherServiceConfig.loader().load(null, Map.of(), Map.of());
    assertThat(c.matcher()).isEqualTo(MatcherConfig.loader().load(null, Map.of(), Map.of()));
    assertThat(c.tracker().hosted()).isFalse();
    // Outside containers: loopback only, and state of this user and application (not /tmp).
    assertThat(c.http().host()).isEqualTo("127.0.0.1");
    assertThat(c.stateDir()).endsWith("/facetrail/facetrail-matcher").doesNotStartWith("/tmp");
    assertThat(c.tracker().tracking()).isEqualTo(TrackingParameters.defaults());
  }

  @Test
  void theEnvironmentHostsTheTrackerAsDocumented() {
    MatcherServiceConfig c =
        MatcherServiceConfig.loader()
            .load(
                null,
                Map.of(
                    "FACETRAIL_TRACKER_HOSTED", "true",
                    "FACETRAIL_TRACKER_TRACKING_MIN_HITS", "4"),
                Map.of());
    assertThat(c.tracker().hosted()).isTrue();
    assertThat(c.tracker().tracking().minHits()).isEqualTo(4);
  }

  @Test
  void aHostedTrackerIsValidated() {
    assertThatThrownBy(
            () ->
                MatcherServiceConfig.loader()
                    .load(
                        null,
                        Map.of(),
                        Map.of("tracker.hosted", "true", "tracker.tracking.minIou", "2")))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("minIou")));
  }

  private static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
