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
  static final String ROUTES = "facetrail.dlq.routes";

  /** Where the records of one source topic go when they fail. */
  public record Route(Stage stage, String deadLetterTopic) {}

  private final Stage stage;
  private final String topic;
  private final Map<String, Route> routes;
  private final MeterRegistry registry;

  private StreamsDeadLetters(
      Stage stage, String topic, Map<String, Route> routes, MeterRegistry registry) {
    this.stage = stage;
    this.topic = topic;
    this.routes = routes;
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
    DeadLetterMeters.register(registry, stage);
    p.put(STAGE, stage.name());
    p.put(TOPIC, deadLetterTopic);
    if (registry != null) {
      p.put(REGISTRY, registry);
    }
    return p;
  }

  /**
   * As {@link #properties(Stage, String, MeterRegistry)} for an application hosting several stages
   * (the all-in-one mode runs the tracker and the matcher in one Streams application): a failed
   * record goes to the dead-letter topic of the stage that reads its source topic, and to the
   * default stage's otherwise.
   */
  public static Map<String, Object> properties(
      Stage defaultStage,
      String defaultDeadLetterTopic,
      Map<String, Route> routesBySourceTopic,
      MeterRegistry registry) {
    Map<String, Object> p = properties(defaultStage, defaultDeadLetterTopic, registry);
    routesBySourceTopic.values().forEach(r -> DeadLetterMeters.register(registry, r.stage()));
    p.put(ROUTES, Map.copyOf(routesBySourceTopic));
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
    Map<String, Route> routes = new HashMap<>();
    if (configs.get(ROUTES) instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if (v instanceof Route r) {
              routes.put(k.toString(), r);
            }
          });
    }
    return new StreamsDeadLetters(
        Stage.valueOf(stage.toString()),
        topic.toString(),
        Map.copyOf(routes),
        registry instanceof MeterRegistry reg ? reg : null);
  }

  ProducerRecord<byte[], byte[]> record(
      ErrorHandlerContext context, byte[] key, byte[] value, Headers headers, Exception error) {
    Route route = routes.getOrDefault(context.topic(), new Route(stage, topic));
    DeadLetter letter =
        DeadLetter.of(
            route.stage(),
            context.topic(),
            context.partition(),
            context.offset(),
            error,
            Instant.now());
    DeadLetterMeters.count(registry, route.stage(), letter.errorClass());
    DeadLetterLog.warn(log, letter);
    return letter.toRecord(route.deadLetterTopic(), key, value, headers);
  }
}
