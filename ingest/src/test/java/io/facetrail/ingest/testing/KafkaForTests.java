package io.facetrail.ingest.testing;

import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.util.UUID;

/** Kafka settings with a topic prefix of their own, so tests sharing a broker never meet. */
public final class KafkaForTests {
  private KafkaForTests() {}

  /** Settings on {@code broker} under a fresh prefix, with the topics created. */
  public static KafkaSettings freshTopics(EmbeddedKafkaBroker broker) {
    KafkaSettings settings =
        KafkaSettings.local(
            broker.bootstrapServers(), "t" + UUID.randomUUID().toString().substring(0, 8) + ".");
    TopicAdmin.ensureTopics(settings, settings.topics().all());
    return settings;
  }
}
