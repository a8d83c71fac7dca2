package io.facetrail.tracker.stream;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.tracker.track.TrackingParameters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The tracker's Streams topology: faces topic in, tracks topic out, two persistent changelogged
 * stores (one session per stream; best faces per open track). Building it has no side effects, so
 * tests run the same topology in {@code TopologyTestDriver}, and {@link #addTo} (or {@link
 * TrackerPart}) lets another application host the tracker in its own Streams instance: the app puts
 * it in the matcher service's and in the all-in-one run's.
 */
public final class TrackerTopology {
  /** Store of stream sessions, key = stream id. */
  public static final String SESSION_STORE = "tracker-sessions";

  /** Store of best faces, key = track id. */
  public static final String BEST_FACE_STORE = "tracker-best-faces";

  private TrackerTopology() {}

  /** The tracker alone, as a topology. */
  public static Topology build(
      TopicRegistry topics, TrackingParameters params, MeterRegistry registry) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, topics, params, registry);
    return builder.build();
  }

  /**
   * Adds the tracker to {@code builder}: reads the faces topic, writes the tracks topic.
   *
   * @return the stream of track events (already sent to the tracks topic), for hosts that want to
   *     process them further in the same application
   */
  public static KStream<String, TrackEvent> addTo(
      StreamsBuilder builder,
      TopicRegistry topics,
      TrackingParameters params,
      MeterRegistry registry) {
    params.requireValid();
    TrackerMetrics metrics = new TrackerMetrics(registry);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SESSION_STORE), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BEST_FACE_STORE), Serdes.String(), Serdes.ByteArray()));
    Topic<String, FacesRecord> faces = topics.faces();
    Topic<String, TrackEvent> tracks = topics.tracks();
    KStream<String, TrackEvent> events =
        builder.stream(
                faces.name(),
                Consumed.with(faces.keySerde(), faces.valueSerde()).withName("tracker-faces"))
            .process(
                () -> new TrackingProcessor(params, metrics),
                Named.as("tracker"),
                SESSION_STORE,
                BEST_FACE_STORE);
    events.to(
        tracks.name(),
        Produced.with(tracks.keySerde(), tracks.valueSerde()).withName("tracker-tracks"));
    return events;
  }
}
