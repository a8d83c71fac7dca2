package io.facetrail.outbound.deadletter;

import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.KafkaUnavailableException;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the outbound dead-letter topic when missing, with the stages' dead-letter retention
 * ({@code kafka.retention.deadLetters}): its records are whole identity events, names included, so
 * they must not outlive the stages' dead letters. The runtime's {@code TopicAdmin} knows only the
 * stages' topics.
 */
public final class DeadLetterTopic {
  private DeadLetterTopic() {}

  /** Creates {@code name} unless it exists (an operator's settings on an existing one are kept). */
  public static void ensure(KafkaSettings settings, String name) {
    try (Admin admin = Admin.create(KafkaClients.admin(settings, "facetrail-outbound-admin"))) {
      Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
      if (existing.contains(name)) {
        return;
      }
      NewTopic topic =
          new NewTopic(name, settings.partitions(), (short) settings.replicationFactor())
              .configs(
                  Map.of(
                      "max.message.bytes",
                      Integer.toString(EmbeddedKafkaBroker.MAX_MESSAGE_BYTES),
                      TopicAdmin.RETENTION_MS,
                      Long.toString(settings.retention().deadLetters().toMillis())));
      try {
        admin.createTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        // Created by another instance between the listing and the request: fine.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while creating topic " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException(
          "cannot create the dead-letter topic " + name + " at " + settings.bootstrapServers(), e);
    }
  }
}
