package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.matcher.aggregate.TrackStateCodec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher's Streams topology: tracks topic in, identity topic out, per-track state in three
 * stores (live tracks, deferred decisions, unknown-track aggregates). Built by side-effect-free
 * static methods, so tests drive it with {@code TopologyTestDriver} and the all-in-one mode adds it
 * to the same {@link StreamsBuilder} as the tracker.
 */
public final class MatcherTopology {
  /** Live tracks: track id to {@link io.facetrail.matcher.aggregate.TrackState}. */
  public static final String TRACKS_STORE = "matcher-tracks";

  /** Track ids whose decision waits for the gallery. */
  public static final String PENDING_STORE = "matcher-pending";

  /**
   * Aggregates of unknown tracks for clustering, keyed by expiry then track id ({@link
   * io.facetrail.matcher.aggregate.UnknownTrack}).
   */
  public static final String UNKNOWN_STORE = "matcher-unknown";

  private MatcherTopology() {}

  /** A topology holding only the matcher. */
  public static Topology build(TopicRegistry topics, MatcherDependencies deps) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, topics, deps);
    return builder.build();
  }

  /** Adds the matcher to {@code builder}: reads the tracks topic, writes the identity topic. */
  public static void addTo(StreamsBuilder builder, TopicRegistry topics, MatcherDependencies deps) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(TRACKS_STORE), Serdes.String(), new TrackStateCodec()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), Serdes.ByteArray()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(UNKNOWN_STORE), Serdes.String(), Serdes.ByteArray()));
    Topic<String, TrackEvent> in = topics.tracks();
    Topic<String, IdentityEvent> out = topics.identity();
    builder.stream(
            in.name(), Consumed.with(in.keySerde(), in.valueSerde()).withName("matcher-tracks-in"))
        .process(
            () -> new TrackMatcher(deps),
            Named.as("matcher"),
            TRACKS_STORE,
            PENDING_STORE,
            UNKNOWN_STORE)
        .to(
            out.name(),
            Produced.with(out.keySerde(), out.valueSerde()).withName("matcher-identity-out"));
  }
}
