package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.OpenSetRule;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.testing.SettableClock;
import io.facetrail.matcher.testing.TrackEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decisions at an FPIR: events carry it and the gallery size, thresholds follow enrolment. */
class FpirEventsTest {
  private static final double FPIR = 1e-2;
  private final GalleryIndex index = GalleryIndex.withDefaults();
  private TopologyTestDriver driver;
  private TestInputTopic<String, TrackEvent> tracks;
  private TestOutputTopic<String, IdentityEvent> identity;

  @BeforeEach
  void setUp() {
    index.replaceAll(persons(0, 50));
    TopicRegistry topics = new TopicRegistry("test.");
    MatcherDependencies deps =
        new MatcherDependencies(
            index,
            () -> true,
            new Thresholds(
                DecisionRate.ofFpir(FPIR),
                m ->
                    m.equals(MatcherTopologyTest.MODEL)
                        ? Optional.of(MatcherTopologyTest.TABLE)
                        : Optional.empty()),
            new DecisionPolicy(DecisionSettings.defaults()),
            SearchMode.EXACT,
            Duration.ofMillis(200),
            new SettableClock(MatcherTopologyTest.T0),
            new MatcherMetrics(new SimpleMeterRegistry()));
    MatcherTestDriver m =
        new MatcherTestDriver(topics, deps, "matcher-fpir-test", MatcherTopologyTest.T0);
    driver = m.driver;
    tracks = m.tracks;
    identity = m.identity;
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private static List<PersonRecord> persons(int from, int to) {
    return java.util.stream.IntStream.range(from, to)
        .mapToObj(
            i ->
                new PersonRecord(
                    new Person(
                        "person-" + i,
                        "Name " + i,
                        Map.of(),
                        MatcherTopologyTest.T0,
                        MatcherTopologyTest.T0),
                    List.of(MatcherTopologyTest.code(i, 0), MatcherTopologyTest.code(i, 1))))
        .toList();
  }

  private List<IdentityEvent> track(String trackId, int person) {
    TrackEvents e = new TrackEvents(trackId, "cam-1", MatcherTopologyTest.T0.toEpochMilli());
    tracks.pipeInput(trackId, e.started(0));
    for (int i = 0; i < 5; i++) {
      byte[] code = MatcherTopologyTest.FACES.code(person, 100 + i);
      tracks.pipeInput(trackId, e.observation(i, i, code, 0.8f, MatcherTopologyTest.MODEL));
    }
    byte[] best = MatcherTopologyTest.FACES.code(person, 100);
    tracks.pipeInput(trackId, e.ended(0, 4, 5, best, MatcherTopologyTest.MODEL));
    return identity.readValuesToList();
  }

  @Test
  void eventsCarryTheFpirAndGallerySizeOfTheirDecision() {
    List<IdentityEvent> events = track("track-1", 7);
    assertThat(events)
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
    double far = OpenSetRule.falseAcceptRate(FPIR, 50);
    for (IdentityEvent e : events) {
      assertThat(e.gallerySize()).isEqualTo(50);
      assertThat(e.fpir()).isCloseTo(FPIR, within(1e-12));
      assertThat(e.falseAcceptRate()).isEqualTo(far);
      assertThat(e.threshold()).isEqualTo(MatcherTopologyTest.TABLE.thresholdFor(far));
    }
  }

  @Test
  void theThresholdTightensAsTheGalleryGrows() {
    IdentityEvent before = track("track-1", 7).get(0);
    persons(50, 100).forEach(index::upsert);
    IdentityEvent after = track("track-2", 8).get(0);
    assertThat(after.gallerySize()).isEqualTo(100);
    assertThat(after.falseAcceptRate()).isEqualTo(OpenSetRule.falseAcceptRate(FPIR, 100));
    assertThat(after.threshold()).isLessThan(before.threshold());
    assertThat(after.fpir()).isCloseTo(FPIR, within(1e-12));
  }

  @Test
  void aStrangerEndsUnknownWithTheOperatingPointOfItsLastDecision() {
    List<IdentityEvent> events = track("track-x", 4_000);
    assertThat(events).extracting(IdentityEvent::type).containsExactly(IdentityEventType.UNKNOWN);
    assertThat(events.get(0).gallerySize()).isEqualTo(50);
    assertThat(events.get(0).fpir()).isCloseTo(FPIR, within(1e-12));
  }
}
