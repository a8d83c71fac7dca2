package io.facetrail.api.events;

import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads ranges of the identity topic that memory no longer holds, for one resuming live client,
 * with a consumer of its own that lives as long as the read. Records of several partitions come out
 * merged by their timestamps (each partition in offset order), with at most {@link #BUFFER} records
 * buffered per partition.
 */
final class TopicReplay {
  static final int BUFFER = 500;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** How long a replay may go without getting a record before it gives up (the broker is down). */
  static final Duration STALL = Duration.ofSeconds(30);

  private final String topic;
  private final Map<String, Object> properties;

  TopicReplay(KafkaSettings kafka) {
    this.topic = kafka.topics().identity().name();
    Map<String, Object> p = new HashMap<>(kafka.connectionProperties());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "facetrail-api-replay");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    this.properties = p;
  }

  /**
   * Hands over every record in the ranges {@code [from, to)} per partition.
   *
   * @param onLost called first, once, when some range starts before what the topic still holds
   *     (deleted by retention): the rest of the range is still read
   * @param stop checked between polls: true ends the read early (the client left)
   * @throws IllegalStateException when the topic cannot be read for {@link #STALL}
   */
  void read(
      Map<Integer, long[]> ranges,
      Runnable onLost,
      Consumer<ConsumerRecord<byte[], byte[]>> onRecord,
      BooleanSupplier stop) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<TopicPartition, Long> end = new HashMap<>();
      ranges.forEach((p, r) -> end.put(new TopicPartition(topic, p), r[1]));
      c.assign(end.keySet());
      Map<TopicPartition, Long> begin = c.beginningOffsets(end.keySet(), TIMEOUT);
      boolean lost = false;
      Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
      Set<TopicPartition> reading = new HashSet<>();
      for (TopicPartition tp : end.keySet()) {
        long from = ranges.get(tp.partition())[0];
        long first = begin.getOrDefault(tp, 0L);
        if (first > from) {
          lost = true;
          from = first;
        }
        if (from < end.get(tp)) {
          c.seek(tp, from);
          reading.add(tp);
          buffers.put(tp, new ArrayDeque<>());
        }
      }
      if (lost) {
        onLost.run();
      }
      c.pause(new HashSet<>(end.keySet()));
      c.resume(reading);
      long lastProgress = System.nanoTime();
      while (!buffers.isEmpty() && !stop.getAsBoolean()) {
        int got = 0;
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (reading.contains(tp) && r.offset() < end.get(tp)) {
            buffers.get(tp).add(r);
            got++;
          }
        }
        for (TopicPartition tp : List.copyOf(reading)) {
          if (c.position(tp, TIMEOUT) >= end.get(tp)) {
            reading.remove(tp);
            got++;
          }
        }
        if (got > 0) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
          throw new IllegalStateException(
              "the identity topic could not be read back for " + STALL.toSeconds() + " s");
        }
        emit(buffers, reading, onRecord);
        // Fetch only what is still wanted and has room: a partition read to its end, or whose
        // buffer waits for the others, is paused.
        List<TopicPartition> room = new ArrayList<>();
        for (TopicPartition tp : reading) {
          if (buffers.get(tp).size() < BUFFER) {
            room.add(tp);
          }
        }
        Set<TopicPartition> paused = new HashSet<>(end.keySet());
        room.forEach(paused::remove);
        c.pause(paused);
        c.resume(room);
      }
    }
  }

  /**
   * Hands over the oldest buffered record while every partition still being read has one buffered
   * (only then is the oldest known).
   */
  private static void emit(
      Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers,
      Set<TopicPartition> reading,
      Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
    while (true) {
      buffers.entrySet().removeIf(e -> e.getValue().isEmpty() && !reading.contains(e.getKey()));
      if (buffers.isEmpty()) {
        return;
      }
      TopicPartition oldest = null;
      for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e :
          buffers.entrySet()) {
        ConsumerRecord<byte[], byte[]> head = e.getValue().peek();
        if (head == null) {
          return;
        }
        if (oldest == null || head.timestamp() < buffers.get(oldest).peek().timestamp()) {
          oldest = e.getKey();
        }
      }
      onRecord.accept(buffers.get(oldest).poll());
    }
  }
}
