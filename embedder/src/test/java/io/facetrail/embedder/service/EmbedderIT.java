package io.facetrail.embedder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.faces.pipeline.BatchAnalysis;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.testing.SharedData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real frames of real faces through the embedder on the in-process broker. */
class EmbedderIT {
  private static EmbeddedKafkaBroker broker;
  private static List<byte[]> images;

  @BeforeAll
  static void start() {
    images = EmbedderTestSupport.lfwImages(SharedData.requireLfw(), 12);
    broker = EmbeddedKafkaBroker.startEphemeral();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void facesOfEveryFrameComeOutInOrderAndBadRecordsBecomeDeadLetters() throws Exception {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "e1.");
    TopicRegistry topics = kafka.topics();
    TopicAdmin.ensureTopics(kafka, topics.all());
    List<FrameRecord> input = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      input.add(EmbedderTestSupport.frame("cam-a", i, images.get(i)));
      input.add(EmbedderTestSupport.frame("cam-b", i, images.get(6 + i)));
    }
    input.add(
        EmbedderTestSupport.frame(
            "cam-a", 6, "this is not an image".getBytes(StandardCharsets.UTF_8)));
    input.add(EmbedderTestSupport.end("cam-a", 6));
    input.add(EmbedderTestSupport.end("cam-b", 5));
    EmbedderTestSupport.send(kafka, topics, input);
    EmbedderTestSupport.sendRaw(kafka, topics.frames().name(), "cam-c", new byte[] {1, 2, 3});

    EmbedderConfig config = EmbedderTestSupport.config(kafka, "it-1", Map.of());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Health health = new Health();
    List<ConsumerRecord<byte[], byte[]>> out;
    try (EmbedderService service = EmbedderService.start(config, registry, health)) {
      // Ready once every loop has joined the consumer group, not merely once the model is warm.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!health.isReady() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(health.isReady()).as(health.readiness().toString()).isTrue();
      assertThat(health.readiness().get("kafka").detail()).contains("joined the consumer group");
      out =
          EmbedderTestSupport.readUntil(
              kafka, topics.faces().name(), Duration.ofMinutes(3), got -> got.size() >= 14);
    }

    Map<String, List<FacesRecord>> byStream = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : out) {
      FacesRecord f = EmbedderTestSupport.faces(topics, r);
      String stream =
          f.hasFrameFaces() ? f.getFrameFaces().getStreamId() : f.getEndOfStream().getStreamId();
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(stream);
      byStream.computeIfAbsent(stream, k -> new ArrayList<>()).add(f);
    }
    assertThat(out).hasSize(14);
    assertThat(byStream.keySet()).containsExactlyInAnyOrder("cam-a", "cam-b");

    // Compare with the face library run directly on the same images.
    BatchAnalysis reference;
    try (FacePipeline pipeline = FacePipeline.create(config.faces())) {
      reference = pipeline.analyseEncoded(images);
    }
    int totalFaces = 0;
    for (String stream : List.of("cam-a", "cam-b")) {
      List<FacesRecord> records = byStream.get(stream);
      assertThat(records).hasSize(7);
      assertThat(records.get(6).hasEndOfStream()).isTrue();
      for (int seq = 0; seq < 6; seq++) {
        FacesRecord f = records.get(seq);
        assertThat(f.getFrameFaces().getSequence()).isEqualTo(seq);
        var expected = reference.images().get((stream.equals("cam-a") ? 0 : 6) + seq).faces();
        assertThat(f.getFrameFaces().getFacesCount()).isEqualTo(expected.size());
        for (int k = 0; k < expected.size(); k++) {
          var face = f.getFrameFaces().getFaces(k);
          assertThat(FaceCode.distance(face.getCode().toByteArray(), expected.get(k).code()))
              .isLessThan(0.05f);
          assertThat(face.getLandmarksCount()).isEqualTo(136);
          assertThat(face.getThumbnailJpeg().isEmpty()).isFalse();
          assertThat(face.getBox().getX()).isCloseTo(expected.get(k).box().x(), within(1f));
        }
        totalFaces += expected.size();
        if (!expected.isEmpty()) {
          assertThat(f.getFrameFaces().getModelId()).isEqualTo(FacePipeline.MODEL_ID);
        }
      }
    }
    // Every LFW image holds at least its subject's face.
    assertThat(totalFaces).isGreaterThanOrEqualTo(12);

    List<ConsumerRecord<byte[], byte[]>> letters =
        EmbedderTestSupport.readUntil(
            kafka,
            topics.deadLetters(Stage.EMBEDDER).name(),
            Duration.ofSeconds(30),
            got -> got.size() >= 2);
    assertThat(letters).hasSize(2);
    Map<String, DeadLetter> byClass = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : letters) {
      DeadLetter d = DeadLetter.fromHeaders(r.headers()).orElseThrow();
      assertThat(d.stage()).isEqualTo(Stage.EMBEDDER);
      assertThat(d.sourceTopic()).isEqualTo(topics.frames().name());
      byClass.put(d.errorClass(), d);
    }
    assertThat(byClass.get(MalformedRecordException.class.getName()).errorMessage())
        .contains("bad magic byte 0x01");
    assertThat(byClass.get(UndecodableFrameException.class.getName()).errorMessage())
        .contains("frame 6 of stream cam-a");
    assertThat(
            registry.get("facetrail.embedder.frames").tag("outcome", "analyzed").counter().count())
        .isEqualTo(12);
  }
}
