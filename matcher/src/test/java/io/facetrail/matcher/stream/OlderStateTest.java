package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.aggregate.UnknownTrack;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.testing.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * State an older build stored (the hand-written layouts) meeting this build: track state is read
 * once and rewritten in the current encoding at the first sweep; unknown-track records, which the
 * matcher never reads, are deleted by key when they expire. The old values are placed in the
 * stores' byte layer, below the serdes, as a restored changelog would leave them.
 */
class OlderStateTest {
  /** When the golden track state was last active (see TrackStateCodecTest). */
  private static final Instant ACTIVE = Instant.ofEpochMilli(1_765_000_001_000L);

  private final SettableClock clock = new SettableClock(ACTIVE.plusSeconds(1));
  private TopologyTestDriver driver;

  @BeforeEach
  void setUp() {
    MatcherDependencies deps =
        new MatcherDependencies(
            GalleryIndex.withDefaults(),
            () -> true,
            new Thresholds(1e-3, m -> Optional.empty()),
            new DecisionPolicy(DecisionSettings.defaults()),
            SearchMode.AUTO,
            Duration.ofMillis(200),
            clock,
            new MatcherMetrics(new SimpleMeterRegistry()));
    driver =
        new MatcherTestDriver(new TopicRegistry("test."), deps, "matcher-older-state", ACTIVE)
            .driver;
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void trackStateInTheHandWrittenLayoutIsRewrittenOnceInTheCurrentEncoding() throws IOException {
    String key = "cam-1/2-7";
    KeyValueStore<Bytes, byte[]> raw = bytesOf(MatcherTopology.TRACKS_STORE);
    raw.put(bytes(key), golden("track-state-format3.bin"));

    driver.advanceWallClockTime(Duration.ofMinutes(1));

    byte[] stored = raw.get(bytes(key));
    assertThat(stored[0]).as("version byte of the current encoding").isEqualTo((byte) 4);
    KeyValueStore<String, TrackState> tracks =
        driver.getKeyValueStore(MatcherTopology.TRACKS_STORE);
    TrackState s = tracks.get(key);
    assertThat(s.readFromOlderFormat()).isFalse();
    assertThat(s.personId()).isEqualTo("p-17");
    assertThat(s.lastSeen()).isEqualTo(new Moment(11, 366_667, 1_765_000_000_267L));
    assertThat(s.eventTrackId()).isEqualTo("cam-1/2-7/s1");
    assertThat(s.goodFrames()).isEqualTo(2);
  }

  @Test
  void unknownRecordsInTheHandWrittenLayoutExpireWithoutBeingRead() throws IOException {
    long expires = 1_765_086_400_000L;
    KeyValueStore<String, byte[]> unknown = driver.getKeyValueStore(MatcherTopology.UNKNOWN_STORE);
    unknown.put(UnknownTrack.keyPrefix(expires) + "cam-1/2-8", golden("unknown-track-format1.bin"));

    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(unknown.approximateNumEntries()).as("kept until it expires").isEqualTo(1);

    clock.advance(Duration.ofMillis(expires - clock.millis() + 1));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(unknown.all().hasNext()).as("deleted by key once expired").isFalse();
  }

  /** The innermost (bytes) layer of a store, below its serdes, metering, logging and caching. */
  @SuppressWarnings("unchecked")
  private KeyValueStore<Bytes, byte[]> bytesOf(String name) {
    StateStore store = driver.getKeyValueStore(name);
    while (store instanceof WrappedStateStore<?, ?, ?> wrapped) {
      store = wrapped.wrapped();
    }
    return (KeyValueStore<Bytes, byte[]>) store;
  }

  private static Bytes bytes(String key) {
    return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in =
        OlderStateTest.class.getResourceAsStream("/io/facetrail/matcher/aggregate/" + name)) {
      return in.readAllBytes();
    }
  }
}
