package io.facetrail.benchmarks.faults;

import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the suite reads from a run's broker: how far each stage's consumer group has committed (its
 * progress, since every stage commits its input offsets in the transaction of its output), whether
 * every group has caught up, and the identity topic to its end, committed records only.
 */
final class KafkaProbe implements AutoCloseable {
  /** The stages' consumer groups under their default ids. */
  static final List<String> GROUPS =
      List.of("facetrail-embedder", "facetrail-tracker", "facetrail-matcher");

  private final KafkaSettings settings;
  private final Admin admin;

  KafkaProbe(KafkaSettings settings) {
    this.settings = settings;
    Map<String, Object> props = KafkaClients.admin(settings, "bench-faults-probe");
    // The probe polls through broker restarts: a call must give up quickly and be tried again.
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    this.admin = Admin.create(props);
  }

  /**
   * The sum of the offsets {@code group} has committed over all its partitions, or empty while the
   * broker cannot be asked (it is being restarted).
   */
  OptionalLong committed(String group) {
    try {
      long sum = 0;
      for (OffsetAndMetadata o : committedOffsets(group).values()) {
        sum += o.offset();
      }
      return OptionalLong.of(sum);
    } catch (BrokerUnavailable e) {
      return OptionalLong.empty();
    }
  }

  /**
   * True when every stage's group has committed up to the end of every partition it reads (at most
   * one offset short: a transaction's commit marker after the last record takes an offset the
   * consumer need not have passed). False also while the broker cannot be asked.
   */
  boolean caughtUp() {
    try {
      for (String group : GROUPS) {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(group);
        if (committed.isEmpty()) {
          return false;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends =
            admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(10, TimeUnit.SECONDS);
        for (var e : committed.entrySet()) {
          if (ends.get(e.getKey()).offset() - e.getValue().offset() > 1) {
            return false;
          }
        }
      }
      return true;
    } catch (BrokerUnavailable | ExecutionException | TimeoutException e) {
      // The broker did not answer (it may be restarting): not known to be caught up.
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group)
      throws BrokerUnavailable {
    try {
      Map<TopicPartition, OffsetAndMetadata> m =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
      m.forEach(
          (tp, o) -> {
            if (o != null) {
              present.put(tp, o);
            }
          });
      return present;
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new BrokerUnavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailable(e);
    }
  }

  /**
   * The identity topic's committed end offsets summed (events plus transaction markers): a number
   * that changes when events are added, or -1 while the broker cannot be asked.
   */
  int identityCount() {
    String topic = settings.topics().identity().name();
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (var p :
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(topic)
              .partitions()) {
        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
      }
      long sum = 0;
      for (ListOffsetsResultInfo i :
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(10, TimeUnit.SECONDS)
              .values()) {
        sum += i.offset();
      }
      return (int) sum;
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      // The broker did not answer: the caller treats the run as not settled yet.
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The identity topic from the beginning to its end, committed events only, in topic order. */
  List<IdentityRecord> readIdentity() {
    String topic = settings.topics().identity().name();
    Map<String, Object> props =
        KafkaClients.consumer(settings, "bench-faults-reader", "bench-faults-reader");
    List<IdentityRecord> events = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!atEnd(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("identity topic not read to its end within 60 s");
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          events.add(IdentityRecord.parse(r.value(), r.partition(), r.offset()));
        }
      }
    }
    return events;
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    for (var e : ends.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  /** The broker did not answer (expected while it restarts); the caller asks again later. */
  private static final class BrokerUnavailable extends Exception {
    BrokerUnavailable(Throwable cause) {
      super(cause);
    }
  }
}
