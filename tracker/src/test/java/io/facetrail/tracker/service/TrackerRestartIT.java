package io.facetrail.tracker.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.tracker.fixtures.WalkingFaces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker service in a child JVM, killed with SIGKILL in the middle of two streams and
 * restarted: every track continues under the same id, and reading committed records shows every
 * observation exactly once.
 */
class TrackerRestartIT {
  private static final int FRAMES = 400;
  private static final long TIMEOUT_MS = 120_000;

  @TempDir Path dir;
  private EmbeddedKafkaBroker broker;
  private Process child;

  @AfterEach
  void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void killedMidSequenceAndRestartedContinuesTracksWithoutDuplicates() throws Exception {
    broker = EmbeddedKafkaBroker.startEphemeral();
    KafkaSettings settings = KafkaSettings.local(broker.bootstrapServers(), "restart.");
    TopicRegistry topics = settings.topics();
    TopicAdmin.ensureTopics(
        settings, List.of(topics.faces(), topics.tracks(), topics.deadLetters(Stage.TRACKER)));
    WalkingFaces a = new WalkingFaces("cam-a", 3, 1);
    WalkingFaces b = new WalkingFaces("cam-b", 2, 2);

    try (KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(
                KafkaClients.producer(settings, "restart-it"),
                new StringSerializer(),
                new ByteArraySerializer());
        KafkaConsumer<String, byte[]> consumer = committedReader(settings)) {
      List<TrackEvent> events = new ArrayList<>();
      List<TopicPartition> partitions = partitions(consumer, topics.tracks().name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);

      for (int f = 0; f < 150; f++) {
        send(producer, topics, "cam-a", a.frame(f));
        send(producer, topics, "cam-b", b.frame(f));
      }
      producer.send(
          new ProducerRecord<>(topics.faces().name(), "cam-a", "not a faces record".getBytes()));
      producer.flush();

      child = startChild(settings);
      pollUntil(consumer, topics, events, e -> observationAt(e, 149), 5);

      // Feed the rest slowly and kill the tracker while it is busy with it.
      Thread feeder =
          new Thread(
              () -> {
                for (int f = 150; f < FRAMES; f++) {
                  send(producer, topics, "cam-a", a.frame(f));
                  send(producer, topics, "cam-b", b.frame(f));
                  producer.flush();
                  sleep(4);
                }
                send(producer, topics, "cam-a", a.endOfStream(FRAMES - 1));
                send(producer, topics, "cam-b", b.endOfStream(FRAMES - 1));
                producer.flush();
              });
      feeder.start();
      pollUntil(consumer, topics, events, e -> observationAt(e, 200), 1);
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      long seenAtKill = events.stream().filter(TrackEvent::hasObservation).count();
      feeder.join(TIMEOUT_MS);

      child = startChild(settings);
      pollUntil(consumer, topics, events, TrackEvent::hasEnded, 5);

      assertThat(seenAtKill).as("killed mid-sequence").isLessThan(5L * FRAMES);
      Map<String, List<TrackEvent>> tracks = new TreeMap<>();
      for (TrackEvent e : events) {
        tracks.computeIfAbsent(e.getTrackId(), k -> new ArrayList<>()).add(e);
      }
      assertThat(tracks.keySet())
          .containsExactly(
              "cam-a/r0/t0", "cam-a/r0/t1", "cam-a/r0/t2", "cam-b/r0/t0", "cam-b/r0/t1");
      List<Long> all = LongStream.range(0, FRAMES).boxed().toList();
      for (List<TrackEvent> track : tracks.values()) {
        assertThat(track).filteredOn(TrackEvent::hasStarted).hasSize(1);
        List<TrackEvent> observations = track.stream().filter(TrackEvent::hasObservation).toList();
        assertThat(observations)
            .extracting(e -> e.getObservation().getIndex())
            .containsExactlyElementsOf(all);
        assertThat(observations)
            .extracting(e -> e.getObservation().getAt().getSequence())
            .containsExactlyElementsOf(all);
        TrackEvent ended = track.get(track.size() - 1);
        assertThat(ended.getEnded().getCause()).isEqualTo(TrackEndCause.STREAM_ENDED);
        assertThat(ended.getEnded().getObservations()).isEqualTo(FRAMES);
      }
      assertThat(deadLetters(settings, topics))
          .as("the undecodable record, once, in the dead-letter topic")
          .singleElement()
          .satisfies(r -> assertThat(new String(r.value())).isEqualTo("not a faces record"));
    }
  }

  private Process startChild(KafkaSettings settings) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            TrackerChildMain.class.getName(),
            settings.bootstrapServers(),
            settings.topicPrefix(),
            dir.resolve("state").toString(),
            "restart-it-tracker");
    pb.redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(Path.of("target", "restart-it-child.log").toFile()));
    return pb.start();
  }

  private static KafkaConsumer<String, byte[]> committedReader(KafkaSettings settings) {
    return new KafkaConsumer<>(
        KafkaClients.consumer(settings, "restart-it-reader", "restart-it-reader"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  private static void pollUntil(
      KafkaConsumer<String, byte[]> consumer,
      TopicRegistry topics,
      List<TrackEvent> events,
      Predicate<TrackEvent> wanted,
      int count) {
    Deserializer<TrackEvent> serde = topics.tracks().valueSerde().deserializer();
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    long found = events.stream().filter(wanted).count();
    while (found < count) {
      assertThat(System.currentTimeMillis()).as("waiting for track events").isLessThan(deadline);
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        TrackEvent e = serde.deserialize(r.topic(), r.value());
        assertThat(r.key()).isEqualTo(e.getTrackId());
        events.add(e);
        if (wanted.test(e)) {
          found++;
        }
      }
    }
  }

  private static List<ConsumerRecord<String, byte[]>> deadLetters(
      KafkaSettings settings, TopicRegistry topics) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = committedReader(settings)) {
      List<TopicPartition> partitions =
          partitions(consumer, topics.deadLetters(Stage.TRACKER).name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static boolean observationAt(TrackEvent e, long sequence) {
    return e.hasObservation() && e.getObservation().getAt().getSequence() == sequence;
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, TopicRegistry topics, String key, FacesRecord r) {
    producer.send(
        new ProducerRecord<>(
            topics.faces().name(), key, topics.faces().valueSerde().serializer().serialize("", r)));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while feeding frames", e);
    }
  }
}
