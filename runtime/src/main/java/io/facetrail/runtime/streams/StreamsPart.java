package io.facetrail.runtime.streams;

import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * A stage's processors as something another stage's Streams application can host: the composer (the
 * app) hands the part to the hosting service, which adds it to its own builder, creates its topics
 * and routes its failed records, without either stage knowing the other.
 */
public interface StreamsPart {
  /** The topics the part reads and writes, its dead-letter topics included. */
  List<Topic<?, ?>> topics();

  /** Where records of the part's source topics go when they fail, by source topic name. */
  Map<String, StreamsDeadLetters.Route> deadLetterRoutes();

  /** Adds the part's stores and processors to {@code builder}; its meters to {@code registry}. */
  void addTo(StreamsBuilder builder, MeterRegistry registry);
}
