package io.facetrail.embedder.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.testing.SharedData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under disruption: a rebalance between two embedders mid-stream, and an embedder JVM
 * killed with SIGKILL mid-batch and restarted. Every frame must come out exactly once, in order per
 * stream.
 */
class EmbedderRecoveryIT {
  private static final int STREAMS = 4;
  private static final int FRAMES = 10;

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

  private static List<FrameRecord> input() {
    List<FrameRecord> input = new ArrayList<>();
    for (int seq = 0; seq < FRAMES; seq++) {
      for (int s = 0; s < STREAMS; s++) {
        input.add(
            EmbedderTestSupport.frame(
                "cam-" + s, seq, images.get((seq * STREAMS + s) % images.size())));
      }
    }
    for (int s = 0; s < STREAMS; s++) {
      input.add(EmbedderTestSupport.end("cam-" + s, FRAMES - 1));
    }
    return input;
  }

  @Test
  void aRebalanceMidStreamLosesAndDuplicatesNothing() {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "e2.");
    TopicRegistry topics = kafka.topics();
    TopicAdmin.ensureTopics(kafka, topics.all());
    EmbedderTestSupport.send(kafka, topics, input());
    int total = STREAMS * (FRAMES + 1);
    EmbedderService a =
        EmbedderService.start(
            EmbedderTestSupport.config(kafka, "a", Map.of()),
            new SimpleMeterRegistry(),
            new Health());
    EmbedderService b = null;
    try {
      EmbedderTestSupport.readUntil(
          kafka, topics.faces().name(), Duration.ofMinutes(3), got -> got.size() >= 8);
      b =
          EmbedderService.start(
              EmbedderTestSupport.config(kafka, "b", Map.of()),
              new SimpleMeterRegistry(),
              new Health());
      EmbedderTestSupport.readUntil(
          kafka, topics.faces().name(), Duration.ofMinutes(3), got -> got.size() >= 24);
      a.close();
      assertThat(a.failure()).isNull();
      EmbedderTestSupport.readUntil(
          kafka, topics.faces().name(), Duration.ofMinutes(3), got -> got.size() >= total);
    } finally {
      a.close();
      if (b != null) {
        b.close();
      }
    }
    assertExactlyOnceInOrder(
        topics, EmbedderTestSupport.readAll(kafka, topics.faces().name(), Duration.ofSeconds(3)));
  }

  @Test
  void aWorkerKilledMidBatchAndRestartedLosesAndDuplicatesNothing() throws Exception {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "e3.");
    TopicRegistry topics = kafka.topics();
    TopicAdmin.ensureTopics(kafka, topics.all());
    EmbedderTestSupport.send(kafka, topics, input());
    int total = STREAMS * (FRAMES + 1);
    Process first = child(kafka, "crash");
    try {
      EmbedderTestSupport.readUntil(
          kafka, topics.faces().name(), Duration.ofMinutes(3), got -> got.size() >= 8);
    } finally {
      // SIGKILL: no shutdown hook, no transaction abort, no offset commit.
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    int beforeRestart =
        EmbedderTestSupport.readAll(kafka, topics.faces().name(), Duration.ofSeconds(2)).size();
    assertThat(beforeRestart).isLessThan(total);
    Process second = child(kafka, "crash");
    try {
      EmbedderTestSupport.readUntil(
          kafka, topics.faces().name(), Duration.ofMinutes(3), got -> got.size() >= total);
    } finally {
      second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertExactlyOnceInOrder(
        topics, EmbedderTestSupport.readAll(kafka, topics.faces().name(), Duration.ofSeconds(3)));
  }

  private static Process child(KafkaSettings kafka, String instance)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-Dai.djl.offline=true",
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                EmbedderChild.class.getName(),
                kafka.bootstrapServers(),
                kafka.topicPrefix(),
                instance)
            .redirectErrorStream(true);
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Thread pump =
        new Thread(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  System.err.println("[child] " + line);
                }
              } catch (IOException e) {
                System.err.println("[child] output closed: " + e.getMessage());
              }
            });
    pump.setDaemon(true);
    pump.start();
    return p;
  }

  private static void assertExactlyOnceInOrder(
      TopicRegistry topics, List<ConsumerRecord<byte[], byte[]>> out) {
    Map<String, List<Long>> sequences = new HashMap<>();
    Map<String, Integer> ends = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : out) {
      FacesRecord f = EmbedderTestSupport.faces(topics, r);
      if (f.hasEndOfStream()) {
        ends.merge(f.getEndOfStream().getStreamId(), 1, Integer::sum);
        assertThat(sequences.get(f.getEndOfStream().getStreamId())).hasSize(FRAMES);
      } else {
        sequences
            .computeIfAbsent(f.getFrameFaces().getStreamId(), k -> new ArrayList<>())
            .add(f.getFrameFaces().getSequence());
      }
    }
    assertThat(sequences).hasSize(STREAMS);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < FRAMES; i++) {
      expected.add(i);
    }
    sequences.values().forEach(seqs -> assertThat(seqs).containsExactlyElementsOf(expected));
    assertThat(ends.values()).containsOnly(1);
    assertThat(out).hasSize(STREAMS * (FRAMES + 1));
  }
}
