package io.facetrail.outbound.testing;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writing identity events as the matcher does, and reading what the outbound service left. */
public final class IdentityTopic {
  private final KafkaSettings kafka;

  public IdentityTopic(KafkaSettings kafka) {
    this.kafka = kafka;
    TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().identity()));
  }

  /** Sends the events keyed by track id, in order, and waits until the broker has them. */
  public void send(List<IdentityEvent> events) {
    try (KafkaProducer<String, IdentityEvent> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "outbound-it-producer"),
            new StringSerializer(),
            new IdentityEventSerde())) {
      for (IdentityEvent e : events) {
        producer.send(new ProducerRecord<>(kafka.topics().identity().name(), e.trackId(), e));
      }
      producer.flush();
    }
  }

  /** Sends a value that is not an identity event. */
  public void sendRaw(String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "outbound-it-raw"),
            new StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(kafka.topics().identity().name(), key, value));
      producer.flush();
    }
  }

  /** The records of {@code topic} from the start, read until {@code count} or the timeout. */
  public List<ConsumerRecord<byte[], byte[]>> read(String topic, int count, Duration timeout) {
    Map<String, Object> props = KafkaClients.consumer(kafka, "unused", "outbound-it-reader");
    props.remove("group.id");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** The group's committed offset and the end offset of each partition of the identity topic. */
  public Map<TopicPartition, long[]> committedAndEnd(String groupId) throws Exception {
    try (Admin admin = Admin.create(KafkaClients.admin(kafka, "outbound-it-admin"))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(20, TimeUnit.SECONDS);
      String topic = kafka.topics().identity().name();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < kafka.partitions(); p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, long[]> out = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(20, TimeUnit.SECONDS)
          .forEach(
              (tp, info) -> {
                OffsetAndMetadata c = committed.get(tp);
                out.put(tp, new long[] {c == null ? 0 : c.offset(), info.offset()});
              });
      return out;
    }
  }
}
