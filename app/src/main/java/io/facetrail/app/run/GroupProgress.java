package io.facetrail.app.run;

import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether a consumer group has processed everything committed on a topic. Committed offsets
 * cannot simply be compared with end offsets: transaction markers occupy offsets that a group may
 * or may not have committed past. So a probe consumer (read_committed) reads from the group's
 * committed offsets: the group is caught up when nothing but markers lies beyond them.
 */
final class GroupProgress implements AutoCloseable {
  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> probe;

  GroupProgress(KafkaSettings kafka) {
    this.admin = Admin.create(KafkaClients.admin(kafka, "facetrail-run-progress"));
    Map<String, Object> c =
        KafkaClients.consumer(kafka, "facetrail-run-probe", "facetrail-run-probe");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.probe = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Whether {@code group} has consumed every committed record of {@code topic}. */
  boolean caughtUp(String group, String topic) throws InterruptedException {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo p : probe.partitionsFor(topic, Duration.ofSeconds(10))) {
      partitions.add(new TopicPartition(topic, p.partition()));
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
    Map<TopicPartition, Long> ends = probe.endOffsets(partitions, Duration.ofSeconds(10));
    probe.assign(partitions);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      long from = c == null ? 0 : c.offset();
      start.put(tp, from);
      probe.seek(tp, from);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!probe.poll(Duration.ofMillis(100)).isEmpty()) {
        return false;
      }
      boolean atEnd = true;
      for (TopicPartition tp : partitions) {
        atEnd &= probe.position(tp) >= ends.get(tp);
      }
      if (atEnd) {
        return true;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return false;
  }

  @Override
  public void close() {
    probe.close();
    admin.close();
  }
}
