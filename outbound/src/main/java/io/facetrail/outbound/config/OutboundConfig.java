package io.facetrail.outbound.config;

import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Configuration of the outbound service; defaults and documentation of every setting in {@code
 * outbound-defaults.yaml}.
 *
 * @param kafka the Kafka cluster and topic prefix (the identity topic is read under it)
 * @param groupId the consumer group: its committed offsets say which events every target has had
 * @param deadLetterTopic events a target could not take, after its prefix: the topic is {@code
 *     kafka.topicPrefix + deadLetterTopic}, like the stages' {@code dlq.<stage>.v1}
 * @param commitInterval how often the offsets of fully delivered events are committed
 * @param webhooks the webhooks, each with its own queue and thread
 * @param mqtt the MQTT broker, if any
 * @param http metrics and health endpoint
 */
public record OutboundConfig(
    KafkaSettings kafka,
    String groupId,
    String deadLetterTopic,
    Duration commitInterval,
    List<WebhookSettings> webhooks,
    MqttSettings mqtt,
    HttpSettings http)
    implements Validated {
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  /** Kafka's longest topic name. */
  private static final int MAX_TOPIC_CHARS = 249;

  public OutboundConfig {
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  /** The loader with the built-in defaults. */
  public static ConfigLoader<OutboundConfig> loader() {
    return new ConfigLoader<>(OutboundConfig.class, "outbound-defaults.yaml");
  }

  /** The full name of the dead-letter topic. */
  public String deadLetterTopicName() {
    return kafka.topicPrefix() + deadLetterTopic;
  }

  /** This configuration against another Kafka cluster (an all-in-one process's broker). */
  public OutboundConfig withKafka(KafkaSettings newKafka) {
    return new OutboundConfig(
        newKafka, groupId, deadLetterTopic, commitInterval, webhooks, mqtt, http);
  }

  /** This configuration with other webhooks. */
  public OutboundConfig withWebhooks(List<WebhookSettings> newWebhooks) {
    return new OutboundConfig(
        kafka, groupId, deadLetterTopic, commitInterval, newWebhooks, mqtt, http);
  }

  /** This configuration with other MQTT settings. */
  public OutboundConfig withMqtt(MqttSettings newMqtt) {
    return new OutboundConfig(
        kafka, groupId, deadLetterTopic, commitInterval, webhooks, newMqtt, http);
  }

  /** This configuration with another endpoint (none, in a process serving its own). */
  public OutboundConfig withHttp(HttpSettings newHttp) {
    return new OutboundConfig(
        kafka, groupId, deadLetterTopic, commitInterval, webhooks, mqtt, newHttp);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.required(groupId, ConfigProblems.path(path, "groupId"));
    String dlqPath = ConfigProblems.path(path, "deadLetterTopic");
    problems.required(deadLetterTopic, dlqPath);
    if (deadLetterTopic != null && !deadLetterTopic.isBlank()) {
      problems.require(
          TOPIC_NAME.matcher(deadLetterTopic).matches(),
          dlqPath,
          "may hold only A-Z a-z 0-9 . _ -");
      if (kafka != null && kafka.topicPrefix() != null) {
        problems.require(
            deadLetterTopicName().length() <= MAX_TOPIC_CHARS,
            dlqPath,
            "with kafka.topicPrefix is longer than " + MAX_TOPIC_CHARS + " characters");
        problems.require(
            !deadLetterTopicName().equals(kafka.topics().identity().name()),
            dlqPath,
            "must not be the identity topic");
      }
    }
    problems.require(
        commitInterval != null
            && !commitInterval.isNegative()
            && !commitInterval.isZero()
            && commitInterval.compareTo(Duration.ofMinutes(1)) <= 0,
        ConfigProblems.path(path, "commitInterval"),
        "must be positive and at most 1m");
    for (int i = 0; i < webhooks.size(); i++) {
      problems.section(webhooks.get(i), ConfigProblems.path(path, "webhooks[" + i + "]"));
    }
    problems.section(mqtt, ConfigProblems.path(path, "mqtt"));
    problems.require(
        !webhooks.isEmpty() || (mqtt != null && mqtt.enabled()),
        ConfigProblems.path(path, "webhooks"),
        "no target: add a webhook or set mqtt.enabled");
    problems.section(http, ConfigProblems.path(path, "http"));
  }
}
