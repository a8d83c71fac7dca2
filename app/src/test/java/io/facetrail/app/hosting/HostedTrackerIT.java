package io.facetrail.app.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.EndReason;
import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.stream.MatcherService;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code facetrail matcher} with {@code tracker.hosted: true}: faces records in, identity events
 * out, with no separate tracker service. An enrolled person walking through a camera's view is
 * identified on a track the hosted tracker made; the stream's end ends the track.
 */
class HostedTrackerIT {
  private static final String MODEL = "synthetic-it-v1";
  private static final SyntheticFaces FACES = SyntheticFaces.standard(17);
  private static final CalibrationTable TABLE =
      FACES.calibration(MODEL, 400, new double[] {1e-4, 1e-3, 1e-2});

  /**
   * The gallery's identities as frames of one video: a quarter of the photos' spread, so that the
   * tracker (whose appearance gate is the decision threshold) links them as it links real frames.
   */
  private static final SyntheticFaces VIDEO_FRAMES = FACES.withNoise(0.033 / 4);

  private static final String STREAM = "lobby";

  @TempDir Path dir;

  @Test
  void facesRecordsBecomeIdentityEventsWithTheTrackerInsideTheMatcher() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "facetrail-it:" + run;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        RedisGallery gallery =
            RedisGallery.connect(
                RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC())) {
      try {
        List<String> ids = enrol(gallery, 10);
        KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "it" + run + ".");
        TopicRegistry topics = kafka.topics();
        Path file = dir.resolve("matcher.yaml");
        Files.writeString(file, configYaml(kafka, run, prefix) + "tracker:\n  hosted: true\n");
        MatcherServiceConfig config = MatcherServiceConfig.loader().load(file, Map.of(), Map.of());
        assertThat(config.tracker().hosted()).isTrue();
        Thresholds thresholds =
            new Thresholds(1e-3, m -> m.equals(MODEL) ? Optional.of(TABLE) : Optional.empty());
        try (MatcherService service =
                MatcherCommand.start(
                    config, Clock.systemUTC(), Duration.ofSeconds(60), thresholds);
            KafkaProducer<String, FacesRecord> faces =
                new KafkaProducer<>(
                    KafkaClients.producer(kafka, "it-faces"),
                    new StringSerializer(),
                    topics.faces().valueSerde().serializer());
            KafkaConsumer<String, IdentityEvent> identity =
                new KafkaConsumer<>(
                    KafkaClients.consumer(kafka, "it-reader-" + run, "it-reader"),
                    new StringDeserializer(),
                    topics.identity().valueSerde().deserializer())) {
          identity.subscribe(List.of(topics.identity().name()));
          int frames = 12;
          for (int f = 0; f < frames; f++) {
            faces.send(new ProducerRecord<>(topics.faces().name(), STREAM, frame(3, f)));
          }
          faces.send(new ProducerRecord<>(topics.faces().name(), STREAM, end(frames - 1)));
          faces.flush();

          List<IdentityEvent> events = awaitEvents(identity, 2, Duration.ofSeconds(90));
          assertThat(events)
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
          assertThat(events).allSatisfy(e -> assertThat(e.person().id()).isEqualTo(ids.get(3)));
          assertThat(events).allSatisfy(e -> assertThat(e.trackId()).startsWith(STREAM + "/"));
          assertThat(events)
              .extracting(IdentityEvent::trackId)
              .containsOnly(events.get(0).trackId());
        }
      } finally {
        gallery.deleteAll();
      }
    }
  }

  /** Enrols synthetic identities {@code 0..count-1} with two codes each; returns their ids. */
  private static List<String> enrol(RedisGallery gallery, int count) {
    List<String> ids = new ArrayList<>();
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      Person p = gallery.createPerson("Person " + i, Map.of());
      gallery.addCodes(
          p.id(),
          List.of(
              new StoredCode(UUID.randomUUID().toString(), MODEL, FACES.code(i, 0), "photo-a", t),
              new StoredCode(UUID.randomUUID().toString(), MODEL, FACES.code(i, 1), "photo-b", t)));
      ids.add(p.id());
    }
    return ids;
  }

  private String configYaml(KafkaSettings kafka, String run, String keyPrefix) {
    return String.join(
        "\n",
        "kafka:",
        "  bootstrapServers: \"" + kafka.bootstrapServers() + "\"",
        "  topicPrefix: \"" + kafka.topicPrefix() + "\"",
        "applicationId: \"hosted-it-" + run + "\"",
        "stateDir: \"" + dir.resolve("state") + "\"",
        "gallery:",
        "  store: REDIS",
        "  redis:",
        "    host: \"127.0.0.1\"",
        "    port: 6379",
        "    keyPrefix: \"" + keyPrefix + "\"",
        "    timeout: 500ms",
        "  pollInterval: 100ms",
        "  maxStaleness: 1s",
        "http:",
        "  enabled: false",
        "");
  }

  /** Reads identity events (read_committed) until {@code count} arrived or the time is up. */
  private static List<IdentityEvent> awaitEvents(
      KafkaConsumer<String, IdentityEvent> consumer, int count, Duration timeout) {
    List<IdentityEvent> received = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, IdentityEvent> r : consumer.poll(Duration.ofMillis(200))) {
        received.add(r.value());
      }
    }
    return received;
  }

  /** Frame {@code f} at 10 fps: one face of synthetic identity {@code person} moving right. */
  private static FacesRecord frame(int person, int f) {
    Face face =
        Face.newBuilder()
            .setBox(Box.newBuilder().setX(100 + 4 * f).setY(80).setWidth(60).setHeight(72))
            .setDetectionScore(0.95f)
            .setQuality(0.8f)
            .setCode(ByteString.copyFrom(VIDEO_FRAMES.code(person, 200 + f)))
            .build();
    return FacesRecord.newBuilder()
        .setFrameFaces(
            FrameFaces.newBuilder()
                .setStreamId(STREAM)
                .setSequence(f)
                .setMediaTimeUs(f * 100_000L)
                .setCaptureTimeMs(1_780_000_000_000L + f * 100L)
                .setWidth(640)
                .setHeight(480)
                .setModelId(MODEL)
                .addFaces(face))
        .build();
  }

  private static FacesRecord end(long lastSequence) {
    return FacesRecord.newBuilder()
        .setEndOfStream(
            EndOfStream.newBuilder()
                .setStreamId(STREAM)
                .setLastSequence(lastSequence)
                .setFramesPublished(lastSequence + 1)
                .setReason(EndReason.COMPLETED))
        .build();
  }
}
