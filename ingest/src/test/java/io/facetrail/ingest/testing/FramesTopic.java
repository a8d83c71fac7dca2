package io.facetrail.ingest.testing;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads back what ingest wrote to the frames topic, one stream at a time. */
public final class FramesTopic {
  private FramesTopic() {}

  /** Every record of {@code streamId} up to and including its end-of-stream record. */
  public static List<FrameRecord> readStream(
      KafkaSettings settings, String streamId, Duration timeout) {
    Topic<String, FrameRecord> topic = settings.topics().frames();
    List<FrameRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, FrameRecord> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(settings, "test-" + UUID.randomUUID(), "test-reader"),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, FrameRecord> r : consumer.poll(Duration.ofMillis(200))) {
          if (!r.key().equals(streamId)) {
            continue;
          }
          out.add(r.value());
          if (r.value().hasEndOfStream()) {
            return out;
          }
        }
      }
    }
    throw new AssertionError(
        "no end-of-stream record for '"
            + streamId
            + "' within "
            + timeout
            + "; read "
            + out.size());
  }

  /** The frames among {@code records}. */
  public static List<io.facetrail.contracts.proto.Frame> frames(List<FrameRecord> records) {
    return records.stream().filter(FrameRecord::hasFrame).map(FrameRecord::getFrame).toList();
  }

  /** The end-of-stream record, which must be the last. */
  public static io.facetrail.contracts.proto.EndOfStream end(List<FrameRecord> records) {
    return records.get(records.size() - 1).getEndOfStream();
  }
}
