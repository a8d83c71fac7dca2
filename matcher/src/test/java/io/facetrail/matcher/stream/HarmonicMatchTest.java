package io.facetrail.matcher.stream;

import static io.facetrail.matcher.testing.ModelFolderWriter.model;
import static io.facetrail.matcher.testing.ModelFolderWriter.writeTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
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
import io.facetrail.matcher.trained.ModelFolders;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ForkJoinPool;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gallery enrolled with one model, tracks embedded by a harmonic successor: identified only when
 * a model folder declares the pair compatible, and judged by the pair's own table.
 */
class HarmonicMatchTest {
  static final String V1 = "synthetic-test-v1";
  static final String V2 = "synthetic-test-v2";
  static final SyntheticFaces FACES = SyntheticFaces.standard(5);
  static final CalibrationTable V1_TABLE =
      FACES.calibration(V1, 400, new double[] {1e-4, 1e-3, 1e-2});
  static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

  @TempDir Path dir;

  /** v1's folder (its own table), and v2's declaring {@code v2Declares} with the tables asked. */
  ModelFolders folders(boolean crossTable, String... v2Declares) {
    Path v1 = model(dir, V1);
    writeTable(v1, "calibration.json", V1_TABLE);
    Path v2 = model(dir, V2, v2Declares);
    writeTable(v2, "calibration.json", scaled(V2, 0.9));
    if (crossTable) {
      // Wider than either model's own table: the event's threshold tells which table was used.
      writeTable(v2, "calibration-" + V1 + ".json", scaled(V2, 1.1));
    }
    return ModelFolders.load(List.of(v1, v2));
  }

  static CalibrationTable scaled(String id, double factor) {
    return new CalibrationTable(
        id,
        "v1's synthetic table scaled by " + factor,
        V1_TABLE.points().stream()
            .map(
                p ->
                    new CalibrationTable.Point(
                        p.falseAcceptRate(),
                        p.threshold() * factor,
                        p.checkedFalseAcceptRate(),
                        p.trueAcceptRate()))
            .toList());
  }

  /** Runs one v2 track of enrolled identity 7 against the v1 gallery; returns the events. */
  List<IdentityEvent> v2TrackAgainstV1Gallery(Thresholds thresholds) {
    GalleryIndex index =
        new GalleryIndex(thresholds.comparable(), ForkJoinPool.commonPool(), 0, 50);
    List<PersonRecord> gallery = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      gallery.add(
          new PersonRecord(
              new Person("person-" + i, "Name " + i, Map.of(), T0, T0),
              List.of(
                  new StoredCode("c" + i + "-0", V1, FACES.code(i, 0), "", T0),
                  new StoredCode("c" + i + "-1", V1, FACES.code(i, 1), "", T0))));
    }
    index.replaceAll(gallery);
    MatcherDependencies deps =
        new MatcherDependencies(
            index,
            () -> true,
            thresholds,
            new DecisionPolicy(DecisionSettings.defaults()),
            SearchMode.EXACT,
            Duration.ofMillis(200),
            new SettableClock(T0),
            new MatcherMetrics(new SimpleMeterRegistry()));
    TopicRegistry topics = new TopicRegistry("test.");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "harmonic-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.MATCHER, topics.deadLetters(Stage.MATCHER).name(), null));
    try (TopologyTestDriver driver =
        new TopologyTestDriver(MatcherTopology.build(topics, deps), props, T0)) {
      TestInputTopic<String, TrackEvent> tracks =
          driver.createInputTopic(
              topics.tracks().name(),
              Serdes.String().serializer(),
              topics.tracks().valueSerde().serializer());
      TrackEvents e = new TrackEvents("track-1", "cam-1", T0.toEpochMilli());
      tracks.pipeInput("track-1", e.started(0));
      for (int i = 0; i < 6; i++) {
        // The synthetic faces stand in for harmonic codes: v2's code of an image is v1's.
        tracks.pipeInput("track-1", e.observation(i, i, FACES.code(7, 100 + i), 0.8f, V2));
      }
      tracks.pipeInput("track-1", e.ended(0, 5, 6, FACES.code(7, 100), V2));
      assertThat(
              driver
                  .createOutputTopic(
                      topics.deadLetters(Stage.MATCHER).name(),
                      Serdes.String().deserializer(),
                      Serdes.ByteArray().deserializer())
                  .isEmpty())
          .as("no record goes to the dead-letter topic")
          .isTrue();
      return driver
          .createOutputTopic(
              topics.identity().name(),
              Serdes.String().deserializer(),
              topics.identity().valueSerde().deserializer())
          .readValuesToList();
    }
  }

  @Test
  void aV2TrackIsIdentifiedInAV1GalleryByTheCrossTablesThreshold() {
    Thresholds thresholds = Thresholds.of(1e-3, folders(true, V1));
    List<IdentityEvent> events = v2TrackAgainstV1Gallery(thresholds);
    assertThat(events)
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
    IdentityEvent identified = events.get(0);
    assertThat(identified.person().id()).isEqualTo("person-7");
    assertThat(identified.threshold()).isEqualTo(scaled(V2, 1.1).thresholdFor(1e-3));
    assertThat(identified.threshold()).isNotEqualTo(V1_TABLE.thresholdFor(1e-3));
  }

  @Test
  void withoutTheDeclarationTheV1GalleryIsNotSearched() {
    Thresholds thresholds = Thresholds.of(1e-3, folders(true));
    assertThat(v2TrackAgainstV1Gallery(thresholds))
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.UNKNOWN);
  }

  @Test
  void withoutTheCrossTableTheV1GalleryIsNotSearched() {
    Thresholds thresholds = Thresholds.of(1e-3, folders(false, V1));
    assertThat(v2TrackAgainstV1Gallery(thresholds))
        .extracting(IdentityEvent::type)
        .containsExactly(IdentityEventType.UNKNOWN);
  }
}
