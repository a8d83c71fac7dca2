package io.facetrail.runtime.kafka;

import io.facetrail.contracts.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they do not exist yet, each with its retention ({@link
 * TopicRetention}), and brings the retention of existing ones to the configured one ({@link
 * #applyRetention}, what {@code facetrail topics} does).
 */
public final class TopicAdmin {
  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /** The topic setting that holds a topic's retention. */
  public static final String RETENTION_MS = "retention.ms";

  /**
   * Creates each missing topic with the configured partitions, replication and retention, sized for
   * frames. Existing topics are left as they are (an operator may have chosen otherwise).
   *
   * @return the names of the topics created now
   */
  public static List<String> ensureTopics(KafkaSettings settings, List<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(KafkaClients.admin(settings, "facetrail-topic-admin"))) {
      Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (!existing.contains(t.name())) {
          Map<String, String> configs = new HashMap<>();
          configs.put("max.message.bytes", Integer.toString(EmbeddedKafkaBroker.MAX_MESSAGE_BYTES));
          retentionOf(settings, t.name())
              .ifPresent(r -> configs.put(RETENTION_MS, Long.toString(r.toMillis())));
          missing.add(
              new NewTopic(t.name(), settings.partitions(), (short) settings.replicationFactor())
                  .configs(configs));
        }
      }
      List<String> created = new ArrayList<>();
      for (var e : admin.createTopics(missing).values().entrySet()) {
        try {
          e.getValue().get(30, TimeUnit.SECONDS);
          created.add(e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw KafkaFailures.unavailable(settings, "create topic " + e.getKey(), ex.getCause());
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
      throw KafkaFailures.unavailable(settings, "list and create topics", e);
    }
  }

  /**
   * Sets the configured retention on each of {@code topics} that exists with another one.
   *
   * @return the topics changed, each with the retention it had before (ms; -1 for unlimited)
   */
  public static Map<String, Long> applyRetention(KafkaSettings settings, List<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(KafkaClients.admin(settings, "facetrail-topic-admin"))) {
      Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
      Map<ConfigResource, Long> wanted = new LinkedHashMap<>();
      for (Topic<?, ?> t : topics) {
        if (existing.contains(t.name())) {
          retentionOf(settings, t.name())
              .ifPresent(
                  r ->
                      wanted.put(
                          new ConfigResource(ConfigResource.Type.TOPIC, t.name()), r.toMillis()));
        }
      }
      Map<ConfigResource, Config> current =
          admin.describeConfigs(wanted.keySet()).all().get(20, TimeUnit.SECONDS);
      Map<String, Long> changed = new LinkedHashMap<>();
      Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
      wanted.forEach(
          (resource, ms) -> {
            ConfigEntry entry = current.get(resource).get(RETENTION_MS);
            long before = entry == null ? -1 : Long.parseLong(entry.value());
            if (before != ms) {
              changed.put(resource.name(), before);
              ops.put(
                  resource,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(RETENTION_MS, Long.toString(ms)),
                          AlterConfigOp.OpType.SET)));
            }
          });
      if (!ops.isEmpty()) {
        admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
        log.info("Retention set on {}", changed.keySet());
      }
      return changed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while setting topic retention", e);
    } catch (ExecutionException | TimeoutException e) {
      throw KafkaFailures.unavailable(settings, "set the retention of FaceTrail's topics", e);
    }
  }

  private static Optional<Duration> retentionOf(KafkaSettings settings, String topic) {
    return settings.retention().of(settings.topics(), topic);
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
