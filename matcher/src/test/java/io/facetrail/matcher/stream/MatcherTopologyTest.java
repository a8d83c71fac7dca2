package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.aggregate.UnknownTrack;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.testing.SettableClock;
import io.facetrail.matcher.testing.TrackEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matcher topology on a test driver: aggregation, decisions, deferral, retention, errors. */
class MatcherTopologyTest {
  static final String MODEL = "synthetic-test-v1";
  static final SyntheticFaces FACES = SyntheticFaces.standard(5);
  static final CalibrationTable TABLE =
      FACES.calibration(MODEL, 400, new double[] {1e-4, 1e-3, 1e-2});
  static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

  final TopicRegistry topics = new TopicRegistry("test.");
  final AtomicBoolean fresh = new AtomicBoolean(true);
  final SettableClock clock = new SettableClock(T0);
  final GalleryIndex index = GalleryIndex.withDefaults();
  TopologyTestDriver driver;
  TestInputTopic<String, TrackEvent> tracks;
  TestOutputTopic<String, IdentityEvent> identity;

  @BeforeEach
  void setUp() {
    List<PersonRecord> gallery = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // Identities 0..49 are enrolled with two photos each; queries use other images.
      gallery.add(
          new PersonRecord(
              new Person("person-" + i, "Name " + i, Map.of(), T0, T0),
              List.of(code(i, 0), code(i, 1))));
    }
    index.replaceAll(gallery);
    MatcherDependencies deps =
        new MatcherDependencies(
            index,
            fresh::get,
            new Thresholds(1e-3, m -> m.equals(MODEL) ? Optional.of(TABLE) : Optional.empty()),
            new DecisionPolicy(DecisionSettings.defaults()),
            SearchMode.AUTO,
            Duration.ofMillis(200),
            clock,
            new MatcherMetrics(new SimpleMeterRegistry()));
    MatcherTestDriver m = new MatcherTestDriver(topics, deps, "matcher-test", T0);
    driver = m.driver;
    tracks = m.tracks;
    identity = m.identity;
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  static StoredCode code(int identity, int image) {
    return new StoredCode("c" + identity + "-" + image, MODEL, FACES.code(identity, image), "", T0);
  }

  /** Feeds a whole track of {@code frames} images of {@code identity}. */
  void track(String trackId, int identity, int frames, boolean end) {
    TrackEvents e = new TrackEvents(trackId, "cam-1", T0.toEpochMilli());
    tracks.pipeInput(trackId, e.started(0));
    for (int i = 0; i < frames; i++) {
      tracks.pipeInput(trackId, e.observation(i, i, FACES.code(identity, 100 + i), 0.8f, MODEL));
    }
    if (end) {
      tracks.pipeInput(trackId, e.ended(0, frames - 1, frames, FACES.code(identity, 100), MODEL));
    }
  }

  @Test
  void anEnrolledPersonIsIdentifiedOnceAfterMinGoodFramesThenEnded() {
    track("track-1", 7, 10, true);
    List<IdentityEvent> events = identity.readValuesToList();
    assertThat(events)
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
    IdentityEvent identified = events.get(0);
    assertThat(identified.person().id()).isEqualTo("person-7");
    assertThat(identified.person().name()).isEqualTo("Name 7");
    assertThat(identified.framesUsed()).isEqualTo(3); // Decided at M = 3 good frames.
    assertThat(identified.distance()).isLessThan(identified.threshold());
    assertThat(identified.threshold()).isEqualTo(TABLE.thresholdFor(1e-3));
    assertThat(identified.falseAcceptRate()).isEqualTo(1e-3);
    assertThat(identified.labels()).containsEntry("camera", "lobby");
    assertThat(identified.lastSeen().sequence()).isEqualTo(2);
    IdentityEvent ended = events.get(1);
    assertThat(ended.framesUsed()).isEqualTo(10);
    assertThat(ended.lastSeen().sequence()).isEqualTo(9);
    assertThat(ended.eventId()).isNotEqualTo(identified.eventId());
    KeyValueStore<String, ?> live = driver.getKeyValueStore(MatcherTopology.TRACKS_STORE);
    assertThat(live.get("track-1")).as("state dropped after the end").isNull();
  }

  @Test
  void aStrangerIsUnknownAndTheAggregateIsKeptUntilRetentionExpires() {
    track("track-2", 5_000, 8, true);
    List<IdentityEvent> events = identity.readValuesToList();
    assertThat(events).extracting(IdentityEvent::type).containsExactly(IdentityEventType.UNKNOWN);
    assertThat(events.get(0).person()).isNull();
    KeyValueStore<String, byte[]> unknown = driver.getKeyValueStore(MatcherTopology.UNKNOWN_STORE);
    List<UnknownTrack> kept = new ArrayList<>();
    unknown.all().forEachRemaining(kv -> kept.add(UnknownTrack.fromBytes(kv.value)));
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).code()).hasSize(128);
    assertThat(kept.get(0).bestFaceJpeg()).isNotEmpty();
    clock.advance(Duration.ofDays(29));
    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(unknown.approximateNumEntries()).isEqualTo(1);
    clock.advance(Duration.ofDays(2));
    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(unknown.all().hasNext()).as("expired after 30 days").isFalse();
  }

  @Test
  void lowQualityFramesDoNotCountTowardsADecision() {
    TrackEvents e = new TrackEvents("track-3", "cam-1", T0.toEpochMilli());
    for (int i = 0; i < 6; i++) {
      tracks.pipeInput("track-3", e.observation(i, i, FACES.code(3, 100 + i), 0.1f, MODEL));
    }
    assertThat(identity.isEmpty()).isTrue();
    tracks.pipeInput("track-3", e.observation(6, 6, FACES.code(3, 106), 0.9f, MODEL));
    tracks.pipeInput("track-3", e.observation(7, 7, FACES.code(3, 107), 0.9f, MODEL));
    tracks.pipeInput("track-3", e.observation(8, 8, FACES.code(3, 108), 0.9f, MODEL));
    List<IdentityEvent> events = identity.readValuesToList();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).framesUsed()).isEqualTo(3);
  }

  @Test
  void aTrackThatTurnsIntoAnotherPersonIsSplitAndTheNameStaysWithTheFirst() {
    TrackEvents e = new TrackEvents("track-4", "cam-1", T0.toEpochMilli());
    int seq = 0;
    for (int i = 0; i < 5; i++, seq++) {
      tracks.pipeInput("track-4", e.observation(seq, seq, FACES.code(10, 100 + i), 1f, MODEL));
    }
    // The tracker follows the track onto another person: after changeHysteresis (3) faces that
    // disagree with the name, the named part ends at its last agreeing face and the rest is
    // decided afresh as a new part.
    for (int i = 0; i < 6; i++, seq++) {
      tracks.pipeInput("track-4", e.observation(seq, seq, FACES.code(11, 100 + i), 1f, MODEL));
    }
    tracks.pipeInput("track-4", e.ended(0, seq - 1, seq, FACES.code(10, 100), MODEL));
    List<IdentityEvent> events = identity.readValuesToList();
    assertThat(events)
        .extracting(IdentityEvent::type, IdentityEvent::trackId, ev -> ev.person().id())
        .containsExactly(
            tuple(IdentityEventType.IDENTIFIED, "track-4", "person-10"),
            tuple(IdentityEventType.ENDED, "track-4", "person-10"),
            tuple(IdentityEventType.IDENTIFIED, "track-4/s1", "person-11"),
            tuple(IdentityEventType.ENDED, "track-4/s1", "person-11"));
    assertThat(events.get(1).lastSeen().sequence())
        .as("named part ends at its last face")
        .isEqualTo(4);
    assertThat(events.get(1).framesUsed()).isEqualTo(5);
    assertThat(events.get(2).firstSeen().sequence()).isEqualTo(5);
    assertThat(events.get(2).framesUsed()).isEqualTo(3);
    assertThat(events.get(3).lastSeen().sequence()).isEqualTo(10);
    assertThat(events).extracting(IdentityEvent::eventId).doesNotHaveDuplicates();
  }

  @Test
  void aStrangerStepsIntoANamedTrackAndIsNeverReportedUnderTheName() {
    TrackEvents e = new TrackEvents("track-5", "cam-1", T0.toEpochMilli());
    int seq = 0;
    for (int i = 0; i < 4; i++, seq++) {
      tracks.pipeInput("track-5", e.observation(seq, seq, FACES.code(12, 100 + i), 1f, MODEL));
    }
    for (int i = 0; i < 4; i++, seq++) {
      tracks.pipeInput("track-5", e.observation(seq, seq, FACES.code(6_000, 100 + i), 1f, MODEL));
    }
    tracks.pipeInput("track-5", e.ended(0, seq - 1, seq, FACES.code(12, 100), MODEL));
    List<IdentityEvent> events = identity.readValuesToList();
    assertThat(events)
        .extracting(IdentityEvent::type, IdentityEvent::trackId)
        .containsExactly(
            tuple(IdentityEventType.IDENTIFIED, "track-5"),
            tuple(IdentityEventType.ENDED, "track-5"),
            tuple(IdentityEventType.UNKNOWN, "track-5/s1"));
    assertThat(events.get(1).lastSeen().sequence()).isEqualTo(3);
    assertThat(events.get(2).person()).isNull();
    assertThat(events.get(2).firstSeen().sequence()).isEqualTo(4);
  }

  @Test
  void twoDisagreeingFacesAtTheEndAreLeftOutOfTheNamedTrack() {
    TrackEvents e = new TrackEvents("track-6", "cam-1", T0.toEpochMilli());
    int seq = 0;
    for (int i = 0; i < 5; i++, seq++) {
      tracks.pipeInput("track-6", e.observation(seq, seq, FACES.code(13, 100 + i), 1f, MODEL));
    }
    for (int i = 0; i < 2; i++, seq++) {
      tracks.pipeInput("track-6", e.observation(seq, seq, FACES.code(14, 100 + i), 1f, MODEL));
    }
    tracks.pipeInput("track-6", e.ended(0, seq - 1, seq, FACES.code(13, 100), MODEL));
    List<IdentityEvent> events = identity.readValuesToList();
    assertThat(events)
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
    assertThat(events.get(1).lastSeen().sequence()).isEqualTo(4);
    assertThat(events.get(1).framesUsed()).isEqualTo(5);
  }

  @Test
  void decisionsWaitWhileTheGalleryIsStaleAndFollowWhenItIsBack() {
    fresh.set(false);
    track("track-5", 20, 6, true);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(identity.isEmpty()).isTrue();
    fresh.set(true);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(identity.readValuesToList())
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
    KeyValueStore<String, ?> pending = driver.getKeyValueStore(MatcherTopology.PENDING_STORE);
    assertThat(pending.all().hasNext()).isFalse();
  }

  @Test
  void anErasedPersonsOpenTrackEndsItsNamedPartWithoutTheirIdAndGoesOnUnnamed() {
    track("track-6", 30, 5, false);
    assertThat(identity.readValuesToList())
        .extracting(e -> e.person().name())
        .containsExactly("Name 30");
    index.remove("person-30");
    TrackEvents e = new TrackEvents("track-6", "cam-1", T0.toEpochMilli());
    // Faces of nobody enrolled follow (the erased person's own could match a neighbour of theirs
    // at this synthetic table's fixed FAR).
    for (int i = 5; i < 9; i++) {
      tracks.pipeInput("track-6", e.observation(i, i, FACES.code(7_030, 100 + i), 0.8f, MODEL));
    }
    IdentityEvent ended = identity.readValue();
    assertThat(ended.type()).isEqualTo(IdentityEventType.ENDED);
    assertThat(ended.trackId()).isEqualTo("track-6");
    assertThat(ended.person()).as("the erased person's id is not repeated").isNull();
    assertThat(identity.isEmpty()).isTrue();
    tracks.pipeInput("track-6", e.ended(0, 8, 9, FACES.code(30, 100), MODEL));
    IdentityEvent rest = identity.readValue();
    assertThat(rest.type()).isEqualTo(IdentityEventType.UNKNOWN);
    assertThat(rest.trackId()).isEqualTo("track-6/s1");
    // The new part holds only the faces from the erasure on.
    assertThat(rest.framesUsed()).isEqualTo(4);
    assertThat(rest.firstSeen().sequence()).isEqualTo(5);
    assertThat(identity.isEmpty()).isTrue();
  }

  @Test
  void aTrackWhoseEndNeverComesIsClosedAfterTheIdleTimeout() {
    track("track-idle", 12, 5, false);
    track("track-idle-stranger", 7_000, 5, false);
    assertThat(identity.readValuesToList())
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.IDENTIFIED);
    clock.advance(Duration.ofMinutes(5));
    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(identity.isEmpty()).as("not idle long enough").isTrue();
    clock.advance(Duration.ofMinutes(6));
    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(identity.readValuesToList())
        .extracting(IdentityEvent::trackId, IdentityEvent::type)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("track-idle", IdentityEventType.ENDED),
            org.assertj.core.groups.Tuple.tuple("track-idle-stranger", IdentityEventType.UNKNOWN));
    KeyValueStore<String, ?> live = driver.getKeyValueStore(MatcherTopology.TRACKS_STORE);
    assertThat(live.all().hasNext()).isFalse();
  }

  @Test
  void replayedInputGivesTheSameEventIds() {
    track("track-7", 40, 5, true);
    List<String> first = identity.readValuesToList().stream().map(IdentityEvent::eventId).toList();
    track("track-7-copy", 40, 5, true);
    identity.readValuesToList();
    tearDown();
    setUp();
    track("track-7", 40, 5, true);
    assertThat(identity.readValuesToList()).extracting(IdentityEvent::eventId).isEqualTo(first);
  }

  @Test
  void undecodableRecordsAndUncalibratedModelsGoToTheDeadLetterTopic() {
    var raw =
        driver.createInputTopic(
            topics.tracks().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    raw.pipeInput("bad", new byte[] {1, 2, 3});
    TrackEvents e = new TrackEvents("track-8", "cam-1", T0.toEpochMilli());
    tracks.pipeInput("track-8", e.observation(0, 0, FACES.code(1, 1), 0.9f, "uncalibrated-model"));
    var dlq =
        driver.createOutputTopic(
            topics.deadLetters(Stage.MATCHER).name(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer());
    var letters = dlq.readRecordsToList();
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).value()).containsExactly(1, 2, 3);
    assertThat(
            new String(letters.get(1).headers().lastHeader("facetrail.dlq.error.message").value()))
        .contains("no calibration table for model uncalibrated-model");
    assertThat(identity.isEmpty()).isTrue();
    // The stream carries on.
    track("track-9", 2, 4, true);
    assertThat(identity.readValuesToList()).hasSize(2);
  }
}
