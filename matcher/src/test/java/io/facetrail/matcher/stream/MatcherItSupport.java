package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.testing.TrackEvents;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Shared set-up of the matcher integration tests: topics, gallery, producing tracks, reading
 * events.
 */
final class MatcherItSupport implements AutoCloseable {
  static final String MODEL = "synthetic-it-v1";
  static final SyntheticFaces FACES = SyntheticFaces.standard(17);
  static final CalibrationTable TABLE =
      FACES.calibration(MODEL, 400, new double[] {1e-4, 1e-3, 1e-2});

  /** Thresholds at 1e-3 per comparison from the synthetic model's calibration table. */
  static Thresholds thresholds() {
    return new Thresholds(1e-3, m -> m.equals(MODEL) ? Optional.of(TABLE) : Optional.empty());
  }

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final KafkaSettings kafka;
  final TopicRegistry topics;
  final KafkaProducer<String, TrackEvent> producer;
  final KafkaConsumer<String, IdentityEvent> consumer;
  final List<IdentityEvent> received = new ArrayList<>();

  MatcherItSupport(String bootstrap) {
    kafka = KafkaSettings.local(bootstrap, "it" + run + ".");
    topics = kafka.topics();
    TopicAdmin.ensureTopics(
        kafka, List.of(topics.tracks(), topics.identity(), topics.deadLetters(Stage.MATCHER)));
    producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka, "it-producer"),
            new StringSerializer(),
            topics.tracks().valueSerde().serializer());
    consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(kafka, "it-reader-" + run, "it-reader"),
            new StringDeserializer(),
            topics.identity().valueSerde().deserializer());
    consumer.subscribe(List.of(topics.identity().name()));
  }

  /** Enrols identities {@code from..to-1} with two codes each; returns their person ids. */
  static List<String> enrol(Gallery gallery, int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Person p = gallery.createPerson("Person " + i, Map.of());
      Instant t = Instant.parse("2026-02-01T00:00:00Z");
      gallery.addCodes(
          p.id(),
          List.of(
              new StoredCode(UUID.randomUUID().toString(), MODEL, FACES.code(i, 0), "photo-a", t),
              new StoredCode(UUID.randomUUID().toString(), MODEL, FACES.code(i, 1), "photo-b", t)));
      ids.add(p.id());
    }
    return ids;
  }

  TrackEvents track(String trackId) {
    return new TrackEvents(
        trackId, "cam-" + run, Instant.parse("2026-06-01T09:00:00Z").toEpochMilli());
  }

  /** Sends the observations {@code [from, to)} of a track of {@code identity}. */
  void observe(String trackId, int identity, int from, int to) {
    TrackEvents e = track(trackId);
    if (from == 0) {
      send(trackId, e.started(0));
    }
    for (int i = from; i < to; i++) {
      send(trackId, e.observation(i, i, FACES.code(identity, 100 + i), 0.9f, MODEL));
    }
    producer.flush();
  }

  void end(String trackId, int identity, int frames) {
    send(trackId, track(trackId).ended(0, frames - 1, frames, FACES.code(identity, 100), MODEL));
    producer.flush();
  }

  private void send(String trackId, TrackEvent e) {
    producer.send(new ProducerRecord<>(topics.tracks().name(), trackId, e));
  }

  /** Reads identity events (read_committed) until {@code count} arrived or the time is up. */
  List<IdentityEvent> awaitEvents(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      poll(Duration.ofMillis(200));
    }
    return List.copyOf(received);
  }

  /** Reads whatever arrives within {@code window}. */
  List<IdentityEvent> drain(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      poll(Duration.ofMillis(200));
    }
    return List.copyOf(received);
  }

  private void poll(Duration d) {
    for (ConsumerRecord<String, IdentityEvent> r : consumer.poll(d)) {
      received.add(r.value());
    }
  }

  /** The matcher's consumer group in this run (its Streams application id). */
  String applicationId() {
    return "matcher-it-" + run;
  }

  /** The tracks topic's end offsets summed over its partitions: every record sent so far. */
  long tracksEnd() throws Exception {
    try (Admin admin = Admin.create(KafkaClients.admin(kafka, "it-admin"))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topics.tracks().name()))
          .allTopicNames()
          .get()
          .get(topics.tracks().name())
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition(topics.tracks().name(), p.partition()),
                      OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
          .sum();
    }
  }

  /** The matcher group's committed offsets on the tracks topic, summed: what it finished. */
  long tracksCommitted() throws Exception {
    try (Admin admin = Admin.create(KafkaClients.admin(kafka, "it-admin"))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId()).partitionsToOffsetAndMetadata().get();
      return committed.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topics.tracks().name()))
          .filter(e -> e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  /** Matcher configuration YAML for this run. */
  String configYaml(Path stateDir, String redisHost, int redisPort, String keyPrefix) {
    return String.join(
        "\n",
        "kafka:",
        "  bootstrapServers: \"" + kafka.bootstrapServers() + "\"",
        "  topicPrefix: \"" + kafka.topicPrefix() + "\"",
        "applicationId: \"" + applicationId() + "\"",
        "stateDir: \"" + stateDir + "\"",
        "gallery:",
        "  store: REDIS",
        "  redis:",
        "    host: \"" + redisHost + "\"",
        "    port: " + redisPort,
        "    keyPrefix: \"" + keyPrefix + "\"",
        "    timeout: 500ms",
        "  pollInterval: 100ms",
        "  maxStaleness: 1s",
        "http:",
        "  enabled: false",
        // The archive has its own tests (MatcherArchiveIT): these leave nothing behind.
        "archive:",
        "  store: OFF",
        "");
  }

  MatcherConfig config(Path stateDir, String redisHost, int redisPort, String keyPrefix)
      throws IOException {
    Path file = stateDir.resolveSibling("matcher-" + run + ".yaml");
    Files.writeString(file, configYaml(stateDir, redisHost, redisPort, keyPrefix));
    return MatcherConfig.loader().load(file, Map.of(), Map.of());
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
