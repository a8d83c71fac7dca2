package io.facetrail.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.config.ConfigProblems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicRetentionTest {
  private final TopicRegistry topics = new TopicRegistry("x.");

  @Test
  void eachTopicHasItsOwnRetentionAndUnknownTopicsNone() {
    TopicRetention r = TopicRetention.defaults();
    assertThat(r.of(topics, "x.frames.v1")).contains(Duration.ofHours(1));
    assertThat(r.of(topics, "x.identity.v1")).contains(Duration.ofDays(7));
    assertThat(r.of(topics, topics.deadLetters(Stage.EMBEDDER).name()))
        .contains(Duration.ofDays(7));
    assertThat(r.of(topics, "facetrail.frames.v1")).isEmpty();
    assertThat(r.of(topics, "x.something-else")).isEmpty();
  }

  @Test
  void retentionOutsideOneMinuteToTenYearsIsRefused() {
    ConfigProblems problems = new ConfigProblems();
    new TopicRetention(
            Duration.ofSeconds(5),
            null,
            Duration.ofHours(1),
            Duration.ofDays(4000),
            Duration.ofDays(1))
        .validate(problems, "kafka.retention");
    assertThat(problems.list())
        .containsExactlyInAnyOrder(
            "kafka.retention.frames: must be between 1m and 3650d",
            "kafka.retention.faces: is required",
            "kafka.retention.identity: must be between 1m and 3650d");
  }
}
