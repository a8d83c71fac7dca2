package io.facetrail.runtime.kafka;

import io.facetrail.contracts.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics when they do not exist yet. */
public final class TopicAdmin {
  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /**
   * Creates each missing topic with the configured partitions and replication, sized for frames.
   *
   * @return the names of the topics created now
   */
  public static List<String> ensureTopics(KafkaSettings settings, List<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(KafkaClients.admin(settings, "facetrail-topic-admin"))) {
      Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (!existing.contains(t.name())) {
          missing.add(
              new NewTopic(t.name(), settings.partitions(), (short) settings.replicationFactor())
                  .configs(
                      Map.of(
                          "max.message.bytes",
                          Integer.toString(EmbeddedKafkaBroker.MAX_MESSAGE_BYTES))));
        }
      }
      List<String> created = new ArrayList<>();
      for (var e : admin.createTopics(missing).values().entrySet()) {
        try {
          e.getValue().get(30, TimeUnit.SECONDS);
          created.add(e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw new KafkaUnavailableException("cannot create topic " + e.getKey(), ex.getCause());
          }
          // Another service created it between our listing and our request: fine.
        }
      }
      if (!created.isEmpty()) {
        awaitLeaders(admin, created);
        log.info("Created topics {}", created);
      }
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException(
          "cannot reach Kafka at "
              + settings.bootstrapServers()
              + " to create topics (is the broker running and kafka.bootstrapServers right?)",
          e);
    }
  }

  /**
   * Waits until every partition of the new topics has a leader, so that the first producers do not
   * start with a burst of NOT_LEADER_OR_FOLLOWER retries.
   */
  private static void awaitLeaders(Admin admin, List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      Map<String, TopicDescription> described;
      try {
        described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        // Metadata of a just-created topic has not reached this broker yet: ask again.
        Thread.sleep(50);
        continue;
      }
      boolean ready =
          described.values().stream()
              .flatMap(d -> d.partitions().stream())
              .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
      if (ready) {
        return;
      }
      Thread.sleep(50);
    }
    log.warn("Partition leaders of {} not elected within 15 s; producers will retry", names);
  }
}
