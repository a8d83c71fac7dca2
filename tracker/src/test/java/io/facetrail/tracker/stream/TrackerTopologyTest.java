package io.facetrail.tracker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.facetrail.tracker.fixtures.WalkingFaces;
import io.facetrail.tracker.track.TrackingParameters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerTopologyTest {
  private final TopicRegistry topics = new TopicRegistry("test.");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<TopologyTestDriver> drivers = new ArrayList<>();
  @TempDir Path stateDir;

  @AfterEach
  void close() {
    drivers.forEach(TopologyTestDriver::close);
  }

  @Test
  void streamsAreTrackedSeparatelyAndOutOfOrderFramesAreIgnored() {
    TopologyTestDriver driver = driver("a");
    TestInputTopic<String, FacesRecord> in = input(driver);
    WalkingFaces one = new WalkingFaces("cam-1", 2, 1);
    WalkingFaces two = new WalkingFaces("cam-2", 3, 2);
    for (int f = 0; f < 20; f++) {
      in.pipeInput("cam-1", one.frame(f));
      in.pipeInput("cam-2", two.frame(f));
      if (f == 10) {
        in.pipeInput("cam-1", one.frame(7)); // a late duplicate
      }
    }
    Map<String, List<TrackEvent>> tracks = byTrack(output(driver).readKeyValuesToList());
    assertThat(tracks.keySet())
        .containsExactly("cam-1/r0/t0", "cam-1/r0/t1", "cam-2/r0/t0", "cam-2/r0/t1", "cam-2/r0/t2");
    for (List<TrackEvent> events : tracks.values()) {
      assertThat(events.get(0).hasStarted()).isTrue();
      List<Long> sequences = new ArrayList<>();
      for (int i = 1; i < events.size(); i++) {
        assertThat(events.get(i).getObservation().getIndex()).isEqualTo(i - 1);
        sequences.add(events.get(i).getObservation().getAt().getSequence());
      }
      assertThat(sequences).hasSize(20).isSorted().doesNotHaveDuplicates();
    }
    assertThat(
            registry
                .get("facetrail.tracker.frames")
                .tag("disposition", "ignored_out_of_order")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void endOfStreamEndsEveryOpenTrack() {
    TopologyTestDriver driver = driver("b");
    TestInputTopic<String, FacesRecord> in = input(driver);
    WalkingFaces scene = new WalkingFaces("cam", 3, 3);
    for (int f = 0; f < 10; f++) {
      in.pipeInput("cam", scene.frame(f));
    }
    TestOutputTopic<String, TrackEvent> out = output(driver);
    out.readKeyValuesToList();
    in.pipeInput("cam", scene.endOfStream(9));
    List<KeyValue<String, TrackEvent>> ended = out.readKeyValuesToList();
    assertThat(ended).hasSize(3);
    for (KeyValue<String, TrackEvent> kv : ended) {
      assertThat(kv.key).isEqualTo(kv.value.getTrackId());
      assertThat(kv.value.getEnded().getCause()).isEqualTo(TrackEndCause.STREAM_ENDED);
      assertThat(kv.value.getEnded().getObservations()).isEqualTo(10);
    }
    KeyValueStore<String, byte[]> best = driver.getKeyValueStore(TrackerTopology.BEST_FACE_STORE);
    try (KeyValueIterator<String, byte[]> it = best.all()) {
      assertThat(it.hasNext()).as("best faces of ended tracks are deleted").isFalse();
    }
  }

  @Test
  void undecodableRecordsAndMiskeyedRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
    // TopologyTestDriver under exactly-once drops the records a deserialisation handler returns
    // (a real broker does not: TrackerRestartIT checks that path); at-least-once shows them.
    TopologyTestDriver driver = driver("c", StreamsConfig.AT_LEAST_ONCE);
    TestInputTopic<String, byte[]> raw =
        driver.createInputTopic(
            topics.faces().name(), new StringSerializer(), new ByteArraySerializer());
    TestInputTopic<String, FacesRecord> in = input(driver);
    WalkingFaces scene = new WalkingFaces("cam", 1, 4);
    byte[] garbage = {'n', 'o', 't', ' ', 'a', ' ', 'r', 'e', 'c', 'o', 'r', 'd'};
    in.pipeInput("cam", scene.frame(0));
    raw.pipeInput("cam", garbage);
    in.pipeInput("other-key", scene.frame(1));
    for (int f = 1; f < 5; f++) {
      in.pipeInput("cam", scene.frame(f));
    }
    TestOutputTopic<byte[], byte[]> dlq =
        driver.createOutputTopic(
            topics.deadLetters(Stage.TRACKER).name(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).value()).isEqualTo(garbage);
    DeadLetter first = DeadLetter.fromHeaders(letters.get(0).headers()).orElseThrow();
    assertThat(first.stage()).isEqualTo(Stage.TRACKER);
    assertThat(first.sourceTopic()).isEqualTo(topics.faces().name());
    assertThat(first.sourceOffset()).isEqualTo(1);
    DeadLetter second = DeadLetter.fromHeaders(letters.get(1).headers()).orElseThrow();
    assertThat(second.errorMessage()).contains("differs from its stream id");
    assertThat(letters.get(1).key()).isEqualTo("other-key".getBytes(StandardCharsets.UTF_8));
    // The good frames went through: one track with all five observations.
    List<TrackEvent> events = new ArrayList<>();
    output(driver).readValuesToList().forEach(events::add);
    assertThat(events).filteredOn(TrackEvent::hasObservation).hasSize(5);
  }

  @Test
  void stateCarriedToANewDriverContinuesTheSameTracks() {
    WalkingFaces scene = new WalkingFaces("cam", 2, 6);
    List<FacesRecord> frames = new ArrayList<>();
    for (int f = 0; f < 20; f++) {
      frames.add(scene.frame(f));
    }
    TopologyTestDriver first = driver("d1");
    TestInputTopic<String, FacesRecord> in1 = input(first);
    for (int f = 0; f < 10; f++) {
      in1.pipeInput("cam", frames.get(f));
    }
    List<TrackEvent> before = output(first).readValuesToList();

    TopologyTestDriver second = driver("d2");
    copyStore(first, second, TrackerTopology.SESSION_STORE);
    copyStore(first, second, TrackerTopology.BEST_FACE_STORE);
    TestInputTopic<String, FacesRecord> in2 = input(second);
    for (int f = 10; f < 20; f++) {
      in2.pipeInput("cam", frames.get(f));
    }
    in2.pipeInput("cam", scene.endOfStream(19));
    List<TrackEvent> after = output(second).readValuesToList();

    List<TrackEvent> all = new ArrayList<>(before);
    all.addAll(after);
    Map<String, List<TrackEvent>> tracks = byTrack(all);
    assertThat(tracks.keySet()).containsExactly("cam/r0/t0", "cam/r0/t1");
    for (List<TrackEvent> events : tracks.values()) {
      assertThat(events.get(0).hasStarted()).isTrue();
      assertThat(events.subList(1, 21))
          .extracting(e -> e.getObservation().getIndex())
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 20).boxed().toList());
      assertThat(events.get(21).getEnded().getObservations()).isEqualTo(20);
      assertThat(events.get(21).getEnded().hasBestFace()).isTrue();
    }
  }

  @Test
  void theTrackerCanBeAddedToAnotherApplicationsBuilder() {
    StreamsBuilder builder = new StreamsBuilder();
    // A host application (e.g. the matcher in the all-in-one mode) consumes the events in-app.
    TrackerTopology.addTo(builder, topics, TrackingParameters.defaults(), registry)
        .filter((id, event) -> event.hasStarted())
        .mapValues(TrackEvent::getStreamId)
        .to("host.started", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "host-app");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("host").toString());
    TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props);
    drivers.add(driver);
    WalkingFaces scene = new WalkingFaces("cam", 2, 8);
    TestInputTopic<String, FacesRecord> in = input(driver);
    for (int f = 0; f < 5; f++) {
      in.pipeInput("cam", scene.frame(f));
    }
    assertThat(
            driver
                .createOutputTopic(
                    "host.started", new StringDeserializer(), new StringDeserializer())
                .readValuesToList())
        .containsExactly("cam", "cam");
    assertThat(output(driver).readValuesToList()).hasSize(2 * 6);
  }

  private TopologyTestDriver driver(String name) {
    return driver(name, StreamsConfig.EXACTLY_ONCE_V2);
  }

  private TopologyTestDriver driver(String name, String guarantee) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracker-test-" + name);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.TRACKER, topics.deadLetters(Stage.TRACKER).name(), registry));
    TopologyTestDriver driver =
        new TopologyTestDriver(
            TrackerTopology.build(topics, TrackingParameters.defaults(), registry), props);
    drivers.add(driver);
    return driver;
  }

  private TestInputTopic<String, FacesRecord> input(TopologyTestDriver driver) {
    return driver.createInputTopic(
        topics.faces().name(),
        topics.faces().keySerde().serializer(),
        topics.faces().valueSerde().serializer());
  }

  private TestOutputTopic<String, TrackEvent> output(TopologyTestDriver driver) {
    return driver.createOutputTopic(
        topics.tracks().name(),
        topics.tracks().keySerde().deserializer(),
        topics.tracks().valueSerde().deserializer());
  }

  private static void copyStore(TopologyTestDriver from, TopologyTestDriver to, String name) {
    KeyValueStore<String, byte[]> source = from.getKeyValueStore(name);
    KeyValueStore<String, byte[]> target = to.getKeyValueStore(name);
    try (KeyValueIterator<String, byte[]> it = source.all()) {
      it.forEachRemaining(kv -> target.put(kv.key, kv.value));
    }
  }

  private static Map<String, List<TrackEvent>> byTrack(List<?> items) {
    Map<String, List<TrackEvent>> out = new TreeMap<>();
    for (Object item : items) {
      TrackEvent e = item instanceof KeyValue<?, ?> kv ? (TrackEvent) kv.value : (TrackEvent) item;
      out.computeIfAbsent(e.getTrackId(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }
}
