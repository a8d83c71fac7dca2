package io.facetrail.runtime.deadletter;

import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records a stage cannot process to its dead-letter topic through the stage's own producer
 * (inside its transaction, when it is transactional), and counts them.
 */
public final class DeadLetterPublisher {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final Stage stage;
  private final String topic;
  private final MeterRegistry registry;
  private final Clock clock;

  public DeadLetterPublisher(
      Stage stage, TopicRegistry topics, MeterRegistry registry, Clock clock) {
    this.stage = stage;
    this.topic = topics.deadLetters(stage).name();
    this.registry = registry;
    this.clock = clock;
    DeadLetterMeters.register(registry, stage);
  }

  /** Publishes the record's original bytes with headers describing {@code error}. */
  public Future<RecordMetadata> publish(
      Producer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record, Throwable error) {
    DeadLetter letter =
        DeadLetter.of(
            stage, record.topic(), record.partition(), record.offset(), error, clock.instant());
    DeadLetterMeters.count(registry, stage, letter.errorClass());
    DeadLetterLog.warn(log, letter);
    return producer.send(letter.toRecord(topic, record.key(), record.value(), record.headers()));
  }
}
