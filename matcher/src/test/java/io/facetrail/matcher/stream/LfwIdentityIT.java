package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.PipelineFaceAnalyzer;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.testing.TrackEvents;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.testing.SharedData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real face models end to end: a person enrolled from LFW photos through the enrolment path is
 * identified on a track of their other photos; a person not enrolled ends unknown.
 */
class LfwIdentityIT {
  @TempDir Path dir;

  private static List<Path> photos(Path lfw, String person, int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i ->
                lfw.resolve("lfw-deepfunneled")
                    .resolve(person)
                    .resolve(String.format("%s_%04d.jpg", person, i)))
        .toList();
  }

  @Test
  void anEnrolledLfwPersonIsIdentifiedAndAStrangerIsUnknown() throws Exception {
    Path lfw = SharedData.requireLfw();
    // The shipped model has a calibration table; its absence is a packaging bug, not a skip.
    CalibrationTable.forModel(FacePipeline.MODEL_ID)
        .orElseThrow(() -> new AssertionError("no calibration table for " + FacePipeline.MODEL_ID));
    String prefix = "facetrail-it:" + UUID.randomUUID();
    try (FacePipeline pipeline = FacePipeline.create(FacePipelineSettings.defaults());
        PipelineFaceAnalyzer analyzer = new PipelineFaceAnalyzer(pipeline);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        MatcherItSupport it = new MatcherItSupport(broker.bootstrapServers());
        RedisGallery gallery =
            RedisGallery.connect(
                RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC())) {
      try {
        Enroller enroller =
            new Enroller(analyzer, gallery, new EnrolmentRules(0.3, true), Clock.systemUTC());
        Enroller.Result enrolled =
            enroller.enrolNew("Colin Powell", photos(lfw, "Colin_Powell", 1, 3));
        String personId = enrolled.person().orElseThrow().id();
        enroller.enrolNew("Tony Blair", photos(lfw, "Tony_Blair", 1, 3));

        MatcherConfig config = it.config(dir.resolve("state"), "127.0.0.1", 6379, prefix);
        try (MatcherService service =
            MatcherService.start(
                config, Clock.systemUTC(), Duration.ofSeconds(60), Thresholds.shipped(1e-3))) {
          sendTrack(it, analyzer, "powell", photos(lfw, "Colin_Powell", 10, 15));
          sendTrack(it, analyzer, "stranger", photos(lfw, "Gerhard_Schroeder", 1, 6));
          List<IdentityEvent> events = it.awaitEvents(3, Duration.ofSeconds(60));
          events = it.drain(Duration.ofSeconds(2));
          assertThat(events)
              .filteredOn(e -> e.trackId().equals("powell"))
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
          assertThat(events)
              .filteredOn(e -> e.trackId().equals("powell"))
              .allSatisfy(e -> assertThat(e.person().id()).isEqualTo(personId));
          assertThat(events)
              .filteredOn(e -> e.trackId().equals("stranger"))
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.UNKNOWN);
        }
      } finally {
        gallery.deleteAll();
      }
    }
  }

  /** A track of one face per photo, as the tracker would publish it. */
  private static void sendTrack(
      MatcherItSupport it, PipelineFaceAnalyzer analyzer, String trackId, List<Path> photos) {
    TrackEvents e = it.track(trackId);
    String topic = it.topics.tracks().name();
    it.producer.send(new ProducerRecord<>(topic, trackId, e.started(0)));
    int i = 0;
    String model = null;
    byte[] first = null;
    for (Path photo : photos) {
      DetectedFace face =
          analyzer.analyse(photo).stream()
              .max(Comparator.comparingDouble(DetectedFace::boxArea))
              .orElseThrow();
      TrackEvent obs = e.observation(i, i, face.code(), (float) face.quality(), face.modelId());
      it.producer.send(new ProducerRecord<>(topic, trackId, obs));
      model = face.modelId();
      first = first == null ? face.code() : first;
      i++;
    }
    it.producer.send(new ProducerRecord<>(topic, trackId, e.ended(0, i - 1, i, first, model)));
    it.producer.flush();
  }
}
