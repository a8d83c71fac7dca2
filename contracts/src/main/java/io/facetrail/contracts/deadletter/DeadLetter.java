package io.facetrail.contracts.deadletter;

import io.facetrail.contracts.topic.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Why and where a record failed. {@link #toRecord} builds the dead-letter record: the original key,
 * value and headers, plus the {@code facetrail.dlq.*} headers.
 */
public record DeadLetter(
    Stage stage,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String errorClass,
    String errorMessage,
    Instant time) {

  public static final String HEADER_ERROR_CLASS = "facetrail.dlq.error.class";
  public static final String HEADER_ERROR_MESSAGE = "facetrail.dlq.error.message";
  public static final String HEADER_STAGE = "facetrail.dlq.stage";
  public static final String HEADER_SOURCE_TOPIC = "facetrail.dlq.source.topic";
  public static final String HEADER_SOURCE_PARTITION = "facetrail.dlq.source.partition";
  public static final String HEADER_SOURCE_OFFSET = "facetrail.dlq.source.offset";
  public static final String HEADER_TIME = "facetrail.dlq.time";

  /** Error messages are cut to this length: they are diagnostics, not payload. */
  static final int MAX_MESSAGE_CHARS = 2_000;

  /** Ends a message that was cut. */
  private static final String TRUNCATED = "...";

  public DeadLetter {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(sourceTopic, "sourceTopic");
    Objects.requireNonNull(errorClass, "errorClass");
    errorMessage = truncate(errorMessage == null ? "" : errorMessage);
    Objects.requireNonNull(time, "time");
  }

  /** The dead letter describing {@code error} for a record read at the given offset. */
  public static DeadLetter of(
      Stage stage, String topic, int partition, long offset, Throwable error, Instant time) {
    return new DeadLetter(
        stage, topic, partition, offset, error.getClass().getName(), messageOf(error), time);
  }

  /** The record for the dead-letter topic, keeping the original bytes and headers. */
  public ProducerRecord<byte[], byte[]> toRecord(
      String deadLetterTopic, byte[] key, byte[] value, Headers originalHeaders) {
    RecordHeaders headers = new RecordHeaders();
    if (originalHeaders != null) {
      for (Header h : originalHeaders) {
        if (!h.key().startsWith("facetrail.dlq.")) {
          headers.add(h);
        }
      }
    }
    addTo(headers);
    return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
  }

  /** Adds the dead-letter headers to {@code headers}. */
  public void addTo(Headers headers) {
    put(headers, HEADER_ERROR_CLASS, errorClass);
    put(headers, HEADER_ERROR_MESSAGE, errorMessage);
    put(headers, HEADER_STAGE, stage.id());
    put(headers, HEADER_SOURCE_TOPIC, sourceTopic);
    put(headers, HEADER_SOURCE_PARTITION, Integer.toString(sourcePartition));
    put(headers, HEADER_SOURCE_OFFSET, Long.toString(sourceOffset));
    put(headers, HEADER_TIME, time.toString());
  }

  /** Reads the dead-letter headers back; empty when they are absent or malformed. */
  public static Optional<DeadLetter> fromHeaders(Headers headers) {
    try {
      String stage = get(headers, HEADER_STAGE);
      String topic = get(headers, HEADER_SOURCE_TOPIC);
      String partition = get(headers, HEADER_SOURCE_PARTITION);
      String offset = get(headers, HEADER_SOURCE_OFFSET);
      String errorClass = get(headers, HEADER_ERROR_CLASS);
      String time = get(headers, HEADER_TIME);
      if (stage == null
          || topic == null
          || partition == null
          || offset == null
          || errorClass == null
          || time == null) {
        return Optional.empty();
      }
      return Optional.of(
          new DeadLetter(
              Stage.valueOf(stage.toUpperCase(java.util.Locale.ROOT)),
              topic,
              Integer.parseInt(partition),
              Long.parseLong(offset),
              errorClass,
              get(headers, HEADER_ERROR_MESSAGE),
              Instant.parse(time)));
    } catch (RuntimeException e) {
      // Headers written by something else: not a FaceTrail dead letter.
      return Optional.empty();
    }
  }

  private static String messageOf(Throwable error) {
    StringBuilder sb = new StringBuilder(String.valueOf(error.getMessage()));
    Throwable cause = error.getCause();
    for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
      sb.append(" <- ")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(cause.getMessage());
    }
    return sb.toString();
  }

  /**
   * Cuts a message to {@link #MAX_MESSAGE_CHARS}, marker included, and never inside a surrogate
   * pair. Before, as DeadLetterHeadersFuzzTest's seed shows, a cut half of an emoji reached the
   * header as '?', and a cut message (longer than the limit) was cut again when read back, so a
   * dead letter read from its own headers differed from the one written.
   */
  private static String truncate(String s) {
    if (s.length() <= MAX_MESSAGE_CHARS) {
      return s;
    }
    int end = MAX_MESSAGE_CHARS - TRUNCATED.length();
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + TRUNCATED;
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String get(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
