package io.facetrail.outbound.deadletter;

import io.facetrail.contracts.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events a target could not take to the outbound dead-letter topic: the original key,
 * value and headers, the stages' {@code facetrail.dlq.*} headers (stage {@code outbound}, source
 * topic, partition, offset, time, error class and message), and {@code facetrail.outbound.*}
 * headers naming the target, its host, the last status and the attempts made. A replay tool reads
 * them to send an event again to the one target that missed it.
 */
public final class OutboundDeadLetters {
  public static final String STAGE = "outbound";
  public static final String HEADER_TARGET = "facetrail.outbound.target";
  public static final String HEADER_HOST = "facetrail.outbound.host";
  public static final String HEADER_STATUS = "facetrail.outbound.status";
  public static final String HEADER_ATTEMPTS = "facetrail.outbound.attempts";

  /** Error messages are diagnostics, not payload. */
  private static final int MAX_MESSAGE_CHARS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(OutboundDeadLetters.class);

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Clock clock;

  /**
   * @param producer shared by every target (Kafka's producer is thread-safe)
   * @param topic the dead-letter topic's full name
   */
  public OutboundDeadLetters(Producer<byte[], byte[]> producer, String topic, Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
  }

  public String topic() {
    return topic;
  }

  /** Sends the record with headers describing {@code failure}; done when the future is. */
  public Future<RecordMetadata> publish(
      ConsumerRecord<byte[], byte[]> record, FailedDelivery failure) {
    return producer.send(logged(record, failure));
  }

  /**
   * Sends the record without waiting; {@code onWritten} runs once the broker has it. A failure
   * (only errors Kafka does not retry, such as a refused authorisation: the producer retries the
   * rest for ever) is logged and leaves the event unfinished, so its offset is never committed and
   * it is read again at the next start.
   */
  public void publish(
      ConsumerRecord<byte[], byte[]> record, FailedDelivery failure, Runnable onWritten) {
    producer.send(
        logged(record, failure),
        (metadata, error) -> {
          if (error == null) {
            onWritten.run();
          } else {
            log.error("Cannot write to the dead-letter topic {}: {}", topic, error.toString());
          }
        });
  }

  private ProducerRecord<byte[], byte[]> logged(
      ConsumerRecord<byte[], byte[]> record, FailedDelivery failure) {
    // Topic, partition, offset and target only: the event itself names a person.
    log.warn(
        "Identity event at {}-{}@{} dead-lettered for {} ({}, {} attempts)",
        record.topic(),
        record.partition(),
        record.offset(),
        failure.target(),
        failure.status(),
        failure.attempts());
    return toRecord(record, failure);
  }

  ProducerRecord<byte[], byte[]> toRecord(
      ConsumerRecord<byte[], byte[]> record, FailedDelivery failure) {
    RecordHeaders headers = new RecordHeaders();
    for (Header h : record.headers()) {
      if (!h.key().startsWith("facetrail.dlq.") && !h.key().startsWith("facetrail.outbound.")) {
        headers.add(h);
      }
    }
    put(headers, DeadLetter.HEADER_STAGE, STAGE);
    put(headers, DeadLetter.HEADER_SOURCE_TOPIC, record.topic());
    put(headers, DeadLetter.HEADER_SOURCE_PARTITION, Integer.toString(record.partition()));
    put(headers, DeadLetter.HEADER_SOURCE_OFFSET, Long.toString(record.offset()));
    put(headers, DeadLetter.HEADER_TIME, clock.instant().toString());
    put(headers, DeadLetter.HEADER_ERROR_CLASS, failure.error().getClass().getName());
    put(headers, DeadLetter.HEADER_ERROR_MESSAGE, message(failure.error()));
    put(headers, HEADER_TARGET, failure.target());
    put(headers, HEADER_HOST, failure.host());
    put(headers, HEADER_STATUS, failure.status());
    put(headers, HEADER_ATTEMPTS, Integer.toString(failure.attempts()));
    return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
  }

  private static String message(Throwable error) {
    String m = String.valueOf(error.getMessage());
    return m.length() <= MAX_MESSAGE_CHARS ? m : m.substring(0, MAX_MESSAGE_CHARS) + "...";
  }

  private static void put(RecordHeaders headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
