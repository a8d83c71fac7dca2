package io.facetrail.tracker.stream;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.facetrail.runtime.streams.StreamsPart;
import io.facetrail.tracker.track.TrackingParameters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The tracker as a part of another stage's Streams application (the matcher service with {@code
 * tracker.hosted}, the all-in-one mode): faces topic in, tracks topic out, undecodable faces
 * records to the tracker's own dead-letter topic.
 */
public final class TrackerPart implements StreamsPart {
  private final TopicRegistry topics;
  private final TrackingParameters tracking;

  /**
   * @param topics the topic names
   * @param tracking the tracker's parameters (checked here, before anything starts)
   */
  public TrackerPart(TopicRegistry topics, TrackingParameters tracking) {
    tracking.requireValid();
    this.topics = topics;
    this.tracking = tracking;
  }

  @Override
  public List<Topic<?, ?>> topics() {
    return List.of(topics.faces(), topics.tracks(), topics.deadLetters(Stage.TRACKER));
  }

  @Override
  public Map<String, StreamsDeadLetters.Route> deadLetterRoutes() {
    return Map.of(
        topics.faces().name(),
        new StreamsDeadLetters.Route(Stage.TRACKER, topics.deadLetters(Stage.TRACKER).name()));
  }

  @Override
  public void addTo(StreamsBuilder builder, MeterRegistry registry) {
    TrackerTopology.addTo(builder, topics, tracking, registry);
  }
}
