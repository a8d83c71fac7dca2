package io.facetrail.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Topics FaceTrail creates carry their own retention, read back from the in-process broker; and
 * {@link TopicAdmin#applyRetention} brings existing topics to the configured one.
 */
class TopicRetentionIT {
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startEphemeral();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static String prefix() {
    return "retention-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  private static Map<String, Long> retentionMs(KafkaSettings settings, TopicRegistry topics)
      throws Exception {
    List<ConfigResource> resources =
        topics.all().stream()
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
            .toList();
    try (Admin admin = Admin.create(KafkaClients.admin(settings, "retention-test"))) {
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(resources).all().get(20, TimeUnit.SECONDS);
      Map<String, Long> out = new LinkedHashMap<>();
      configs.forEach(
          (r, c) -> out.put(r.name(), Long.parseLong(c.get(TopicAdmin.RETENTION_MS).value())));
      return out;
    }
  }

  private static long ms(Duration d) {
    return d.toMillis();
  }

  @Test
  void theInProcessBrokersTopicsGetTheDefaultRetention() throws Exception {
    // As the all-in-one run creates them: local settings, default retention.
    KafkaSettings settings = KafkaSettings.local(broker.bootstrapServers(), prefix());
    TopicRegistry topics = settings.topics();
    TopicAdmin.ensureTopics(settings, topics.all());

    Map<String, Long> retention = retentionMs(settings, topics);
    assertThat(retention)
        .containsEntry(topics.frames().name(), ms(Duration.ofHours(1)))
        .containsEntry(topics.faces().name(), ms(Duration.ofHours(12)))
        .containsEntry(topics.tracks().name(), ms(Duration.ofHours(12)))
        .containsEntry(topics.identity().name(), ms(Duration.ofDays(7)));
    for (Stage stage : Stage.values()) {
      assertThat(retention).containsEntry(topics.deadLetters(stage).name(), ms(Duration.ofDays(7)));
    }
  }

  @Test
  void configuredRetentionIsSetAtCreationAndAppliedToExistingTopics() throws Exception {
    String prefix = prefix();
    TopicRetention first =
        new TopicRetention(
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(3),
            Duration.ofDays(2),
            Duration.ofDays(1));
    KafkaSettings settings = withRetention(prefix, first);
    TopicRegistry topics = settings.topics();
    TopicAdmin.ensureTopics(settings, topics.all());
    assertThat(retentionMs(settings, topics))
        .containsEntry(topics.frames().name(), ms(Duration.ofMinutes(30)))
        .containsEntry(topics.faces().name(), ms(Duration.ofHours(2)))
        .containsEntry(topics.tracks().name(), ms(Duration.ofHours(3)))
        .containsEntry(topics.identity().name(), ms(Duration.ofDays(2)))
        .containsEntry(topics.deadLetters(Stage.MATCHER).name(), ms(Duration.ofDays(1)));

    // Creating again leaves existing topics alone; applying the retention changes them.
    TopicRetention second =
        new TopicRetention(
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(3),
            Duration.ofDays(5),
            Duration.ofDays(1));
    KafkaSettings changed = withRetention(prefix, second);
    assertThat(TopicAdmin.ensureTopics(changed, topics.all())).isEmpty();
    assertThat(retentionMs(settings, topics))
        .containsEntry(topics.identity().name(), ms(Duration.ofDays(2)));
    assertThat(TopicAdmin.applyRetention(changed, topics.all()))
        .containsExactly(Map.entry(topics.identity().name(), ms(Duration.ofDays(2))));
    Map<String, Long> after = retentionMs(settings, topics);
    assertThat(after).containsEntry(topics.identity().name(), ms(Duration.ofDays(5)));
    assertThat(after).containsEntry(topics.frames().name(), ms(Duration.ofMinutes(30)));
    assertThat(TopicAdmin.applyRetention(changed, topics.all())).isEmpty();
  }

  private static KafkaSettings withRetention(String prefix, TopicRetention retention) {
    return new KafkaSettings(
        broker.bootstrapServers(), prefix, 1, 1, Map.of(), Map.of(), retention);
  }
}
