package io.facetrail.matcher.stream;

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
import io.facetrail.matcher.bench.SyntheticFaces;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher with {@code tracker.hosted: true}: faces records in, identity events out, with no
 * separate tracker service. An enrolled person walking through a camera's view is identified on a
 * track the hosted tracker made; the stream's end ends the track.
 */
class HostedTrackerIT {
  /**
   * The gallery's identities as frames of one video: a quarter of the photos' spread, so that the
   * tracker (whose appearance gate is the decision threshold) links them as it links real frames.
   */
  private static final SyntheticFaces VIDEO_FRAMES = MatcherItSupport.FACES.withNoise(0.033 / 4);

  private static final String STREAM = "lobby";

  @TempDir Path dir;

  @Test
  void facesRecordsBecomeIdentityEventsWithTheTrackerInsideTheMatcher() throws Exception {
    String prefix = "facetrail-it:" + UUID.randomUUID();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        MatcherItSupport it = new MatcherItSupport(broker.bootstrapServers());
        RedisGallery gallery =
            RedisGallery.connect(
                RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC())) {
      try {
        List<String> ids = MatcherItSupport.enrol(gallery, 0, 10);
        Path file = dir.resolve("matcher.yaml");
        Files.writeString(
            file,
            it.configYaml(dir.resolve("state"), "127.0.0.1", 6379, prefix)
                + "tracker:\n  hosted: true\n");
        MatcherConfig config = MatcherConfig.loader().load(file, Map.of(), Map.of());
        assertThat(config.tracker().hosted()).isTrue();
        Thresholds thresholds = MatcherItSupport.thresholds();
        try (MatcherService service =
                MatcherService.start(
                    config, Clock.systemUTC(), Duration.ofSeconds(60), thresholds);
            KafkaProducer<String, FacesRecord> faces =
                new KafkaProducer<>(
                    KafkaClients.producer(it.kafka, "it-faces"),
                    new StringSerializer(),
                    it.topics.faces().valueSerde().serializer())) {
          int frames = 12;
          for (int f = 0; f < frames; f++) {
            faces.send(new ProducerRecord<>(it.topics.faces().name(), STREAM, frame(3, f)));
          }
          faces.send(new ProducerRecord<>(it.topics.faces().name(), STREAM, end(frames - 1)));
          faces.flush();

          List<IdentityEvent> events = it.awaitEvents(2, Duration.ofSeconds(90));
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
                .setModelId(MatcherItSupport.MODEL)
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
