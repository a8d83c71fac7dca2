package io.facetrail.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.ingest.media.SourceFailure;
import io.facetrail.ingest.source.ReconnectPolicy;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.ingest.testing.FramesTopic;
import io.facetrail.ingest.testing.GeneratedVideo;
import io.facetrail.ingest.testing.KafkaForTests;
import io.facetrail.ingest.testing.LoopbackFileServer;
import io.facetrail.ingest.testing.LoopbackStreamServer;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live HTTP sources on loopback: a server that dies and comes back, one that hangs, none. */
class LiveHttpIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final double CLIP_SECONDS = 10;
  private static EmbeddedKafkaBroker broker;
  private static byte[] transportStream;

  @TempDir static Path dir;
  private KafkaSettings kafka;

  @BeforeAll
  static void setUp() throws Exception {
    broker = EmbeddedKafkaBroker.startEphemeral();
    Path ts = GeneratedVideo.write(dir.resolve("live.ts"), "mpegts", 250, 25, 320, 240, 25);
    transportStream = Files.readAllBytes(ts);
  }

  @AfterAll
  static void tearDown() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void topics() {
    kafka = KafkaForTests.freshTopics(broker);
  }

  private static SourceSpec.Builder live(String url) {
    return SourceSpec.builder(url)
        .optReconnect(new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 2, 0.2, 0))
        .optOpenTimeout(Duration.ofSeconds(5))
        .optStallTimeout(Duration.ofSeconds(3))
        // Live sources need not wait for FFmpeg's default 5 s of stream analysis.
        .optFfmpegOptions(Map.of("analyzeduration", "500000"));
  }

  @Test
  void serverKilledMidStreamIsReconnectedAndFramesResume() throws Exception {
    try (LoopbackStreamServer server =
            new LoopbackStreamServer(transportStream, CLIP_SECONDS, 2.0);
        IngestEngine engine = IngestEngine.builder().setKafka(kafka).build()) {
      server.start();
      StreamHandle stream = engine.start(live(server.url()).optStreamId("gate-cam").build());
      await().atMost(WAIT).until(() -> stream.status().counts().framesPublished() >= 5);

      server.kill();
      await().atMost(WAIT).until(() -> stream.status().counts().reconnects() >= 1);
      long publishedWhileDown = stream.status().counts().framesPublished();
      Thread.sleep(500);
      server.start();
      await()
          .atMost(WAIT)
          .until(() -> stream.status().counts().framesPublished() >= publishedWhileDown + 5);
      assertThat(stream.status().state()).isEqualTo(StreamState.RUNNING);
      stream.stop();
      StreamOutcome outcome = stream.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(outcome.reason()).isEqualTo(EndReason.STOPPED);
      assertThat(outcome.counts().reconnects()).isGreaterThanOrEqualTo(1);
      assertThat(server.connections()).isGreaterThanOrEqualTo(2);
      List<FrameRecord> records = FramesTopic.readStream(kafka, "gate-cam", WAIT);
      List<Frame> frames = FramesTopic.frames(records);
      assertThat(frames).hasSize((int) outcome.counts().framesPublished());
      for (int i = 1; i < frames.size(); i++) {
        assertThat(frames.get(i).getSequence()).isGreaterThan(frames.get(i - 1).getSequence());
        assertThat(frames.get(i).getMediaTimeUs())
            .isGreaterThan(frames.get(i - 1).getMediaTimeUs());
      }
      EndOfStream end = FramesTopic.end(records);
      assertThat(end.getReason()).isEqualTo(io.facetrail.contracts.proto.EndReason.STOPPED);
    }
  }

  @Test
  void unreachableUrlFailsAfterTheConfiguredAttemptsWithItsCause() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/cam.ts";
    try (IngestEngine engine = IngestEngine.builder().setKafka(kafka).build()) {
      StreamOutcome outcome =
          engine
              .start(
                  live(url)
                      .optStreamId("dead-cam")
                      .optReconnect(
                          new ReconnectPolicy(
                              Duration.ofMillis(100), Duration.ofMillis(200), 2, 0, 2))
                      .build())
              .completion()
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(outcome.reason()).isEqualTo(EndReason.FAILED);
      assertThat(outcome.failure()).isEqualTo(SourceFailure.Kind.UNREACHABLE);
      assertThat(outcome.detail())
          .contains("stream 'dead-cam'")
          .contains(url)
          .contains("Connection refused")
          .contains("gave up after 2");
      assertThat(outcome.counts().reconnects()).isEqualTo(2);
      EndOfStream end = FramesTopic.end(FramesTopic.readStream(kafka, "dead-cam", WAIT));
      assertThat(end.getReason()).isEqualTo(io.facetrail.contracts.proto.EndReason.FAILED);
      assertThat(end.getDetail()).contains("Connection refused");
    }
  }

  @Test
  void streamThatStopsSendingIsDetectedAsStalled() throws Exception {
    try (LoopbackStreamServer server =
            new LoopbackStreamServer(transportStream, CLIP_SECONDS, 4.0);
        IngestEngine engine = IngestEngine.builder().setKafka(kafka).build()) {
      server.hangAfter(transportStream.length / 5);
      server.start();
      StreamOutcome outcome =
          engine
              .start(
                  live(server.url())
                      .optStreamId("frozen-cam")
                      .optStallTimeout(Duration.ofSeconds(1))
                      .optReconnect(
                          new ReconnectPolicy(
                              Duration.ofMillis(100), Duration.ofMillis(100), 1, 0, 1))
                      .build())
              .completion()
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(outcome.reason()).isEqualTo(EndReason.FAILED);
      assertThat(outcome.failure()).isEqualTo(SourceFailure.Kind.STALLED);
      assertThat(outcome.detail()).contains("stalled: no frame for 1 s");
      assertThat(outcome.counts().reconnects()).isEqualTo(1);
      assertThat(outcome.counts().framesPublished()).isPositive();
    }
  }

  @Test
  void hlsPlaylistIsReadToTheEndWhenNotLive() throws Exception {
    Path hls = Files.createDirectories(dir.resolve("hls"));
    GeneratedVideo.write(hls.resolve("index.m3u8"), "hls", 50, 25, 160, 120, 25);
    try (LoopbackFileServer origin = new LoopbackFileServer(hls);
        IngestEngine engine = IngestEngine.builder().setKafka(kafka).build()) {
      StreamOutcome outcome =
          engine
              .start(SourceSpec.builder(origin.url("index.m3u8")).optLive(false).build())
              .completion()
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(outcome.streamId()).isEqualTo("127.0.0.1-index");
      assertThat(outcome.reason()).isEqualTo(EndReason.COMPLETED);
      assertThat(outcome.counts().framesPublished()).isEqualTo(50);
      assertThat(FramesTopic.frames(FramesTopic.readStream(kafka, "127.0.0.1-index", WAIT)))
          .hasSize(50);
    }
  }
}
