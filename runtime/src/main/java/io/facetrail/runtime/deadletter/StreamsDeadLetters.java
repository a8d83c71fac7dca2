package io.facetrail.runtime.deadletter;

import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.topic.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration of the Streams dead-letter handlers: which stage, which topic, which registry.
 * Streams instantiates handlers by class name, so these travel through the Streams properties.
 */
public final class StreamsDeadLetters {
  private static final Logger log = LoggerFactory.getLogger(StreamsDeadLetters.class);

  static final String STAGE = "facetrail.dlq.stage";
  static final String TOPIC = "facetrail.dlq.topic";
  static final String REGISTRY = "facetrail.dlq.registry";

  private final Stage stage;
  private final String topic;
  private final MeterRegistry registry;

  private StreamsDeadLetters(Stage stage, String topic, MeterRegistry registry) {
    this.stage = stage;
    this.topic = topic;
    this.registry = registry;
  }

  /**
   * Streams properties that route undecodable records and records whose processing throws to {@code
   * deadLetterTopic}.
   */
  public static Map<String, Object> properties(
      Stage stage, String deadLetterTopic, MeterRegistry registry) {
    Map<String, Object> p = new HashMap<>();
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    p.put(STAGE, stage.name());
    p.put(TOPIC, deadLetterTopic);
    if (registry != null) {
      p.put(REGISTRY, registry);
    }
    return p;
  }

  static StreamsDeadLetters from(Map<String, ?> configs) {
    Object stage = configs.get(STAGE);
    Object topic = configs.get(TOPIC);
    if (stage == null || topic == null) {
      throw new IllegalStateException(
          "dead-letter handler configured without "
              + STAGE
              + " and "
              + TOPIC
              + ": use StreamsDeadLetters.properties");
    }
    Object registry = configs.get(REGISTRY);
    return new StreamsDeadLetters(
        Stage.valueOf(stage.toString()),
        topic.toString(),
        registry instanceof MeterRegistry m ? m : null);
  }

  ProducerRecord<byte[], byte[]> record(
      ErrorHandlerContext context, byte[] key, byte[] value, Headers headers, Exception error) {
    DeadLetter letter =
        DeadLetter.of(
            stage, context.topic(), context.partition(), context.offset(), error, Instant.now());
    DeadLetterPublisher.count(registry, stage, letter.errorClass());
    log.warn(
        "Dead letter from {}-{}@{}: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        letter.errorMessage());
    return letter.toRecord(topic, key, value, headers);
  }
}
