package io.facetrail.ingest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.proto.Frame;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.ingest.testing.CapturedLogs;
import io.facetrail.ingest.testing.FramesTopic;
import io.facetrail.ingest.testing.KafkaForTests;
import io.facetrail.ingest.testing.LoopbackRtspServer;
import io.facetrail.ingest.testing.RecordingIngestListener;
import io.facetrail.ingest.testing.RecordingIngestListener.Reconnecting;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real RTSP: gst-rtsp-server on loopback ({@link LoopbackRtspServer}, a live 25 fps H.264 test
 * pattern), FFmpeg's RTSP client and decoder, the in-process Kafka broker. Streams are configured
 * as a user writes them (product defaults: RTSP over TCP, 5 fps sampling), with short timeouts.
 */
class RtspIngestIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int SOURCE_FPS = 25;
  private static EmbeddedKafkaBroker broker;

  @TempDir Path dir;
  private KafkaSettings kafka;
  private LoopbackRtspServer server;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingIngestListener events = new RecordingIngestListener();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafkaBroker.startEphemeral();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void startServer() throws Exception {
    kafka = KafkaForTests.freshTopics(broker);
    server = new LoopbackRtspServer(dir, SOURCE_FPS);
    server.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private IngestEngine engine() {
    return IngestEngine.builder()
        .setKafka(kafka)
        .optMeterRegistry(registry)
        .optListener(events)
        .build();
  }

  /** The camera as configured in YAML: the defaults but for timeouts short enough for a test. */
  private SourceSpec configured(String id) throws Exception {
    String yaml =
        """
        defaults:
          decode: {options: {analyzeduration: "500000"}}
          reconnect: {initialDelay: 200ms, maxDelay: 2s}
          openTimeout: 3s
          stallTimeout: 2s
        streams:
          - id: %s
            input: %s
        """
            .formatted(id, server.url());
    Path file = Files.writeString(dir.resolve(id + ".yaml"), yaml);
    return IngestConfig.loader().load(file, Map.of(), Map.of()).sources().get(0);
  }

  private static StreamOutcome stop(StreamHandle cam) throws Exception {
    cam.stop();
    return cam.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void liveStreamArrivesAtTheSampledRateWithIncreasingTimestamps() throws Exception {
    try (IngestEngine engine = engine()) {
      StreamHandle cam = engine.start(configured("door-cam"));
      await().atMost(WAIT).until(() -> cam.status().counts().framesPublished() >= 1);
      StreamCounts first = cam.status().counts();
      long t0 = System.nanoTime();
      Thread.sleep(4000);
      StreamCounts last = cam.status().counts();
      double seconds = (System.nanoTime() - t0) / 1e9;
      StreamOutcome outcome = stop(cam);

      assertThat(outcome.reason()).isEqualTo(EndReason.STOPPED);
      assertThat(outcome.counts().reconnects()).isZero();
      // The server sends 25 frames a second and ingest keeps up; live sampling keeps 5 of them.
      assertThat((last.framesRead() - first.framesRead()) / seconds)
          .isBetween(SOURCE_FPS * 0.8, SOURCE_FPS * 1.2);
      assertThat((last.framesSelected() - first.framesSelected()) / seconds).isBetween(4.0, 6.0);

      List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "door-cam", WAIT));
      assertThat(frames).hasSize((int) outcome.counts().framesPublished()).hasSizeGreaterThan(15);
      assertStrictlyIncreasing(frames);
      for (int i = 1; i < frames.size(); i++) {
        // Every fifth frame of 25 per second: 200 ms of media time apart.
        long step = frames.get(i).getMediaTimeUs() - frames.get(i - 1).getMediaTimeUs();
        assertThat(step).as("media time step %d", i).isCloseTo(200_000L, within(20_000L));
      }
      Frame a = frames.get(0);
      Frame b = frames.get(frames.size() - 1);
      // Media time passes as fast as the wall clock: a live stream, decoded as it arrives.
      double mediaSpan = (b.getMediaTimeUs() - a.getMediaTimeUs()) / 1e6;
      double wallSpan = (b.getCaptureTimeMs() - a.getCaptureTimeMs()) / 1e3;
      assertThat(mediaSpan).isCloseTo(wallSpan, within(0.5));
      assertThat(a.getWidth()).isEqualTo(320);
      assertThat(a.getHeight()).isEqualTo(240);
      assertThat(a.getImage().byteAt(0)).isEqualTo((byte) 0xFF);
      assertThat(a.getImage().byteAt(1)).isEqualTo((byte) 0xD8);
    }
  }

  @Test
  void serverRestartIsReconnectedWithBackOffAndTheGapReported() throws Exception {
    try (CapturedLogs logs = new CapturedLogs(VideoStreamWorker.class);
        IngestEngine engine = engine()) {
      StreamHandle cam = engine.start(configured("gate-cam"));
      await().atMost(WAIT).until(() -> cam.status().counts().framesPublished() >= 5);
      long downAt = System.nanoTime();
      server.stop();
      // Down long enough for refused attempts with growing waits (about 200, 400, 800 ms).
      await().atMost(WAIT).until(() -> events.reconnecting().size() >= 3);
      long publishedWhileDown = cam.status().counts().framesPublished();
      server.start();
      long upAt = System.nanoTime();
      await().atMost(WAIT).until(() -> !events.resumed().isEmpty());
      await()
          .atMost(WAIT)
          .until(() -> cam.status().counts().framesPublished() >= publishedWhileDown + 5);
      StreamStatus resumed = cam.status();
      StreamOutcome outcome = stop(cam);

      assertThat(outcome.reason()).isEqualTo(EndReason.STOPPED);
      assertThat(resumed.state()).isEqualTo(StreamState.RUNNING);
      List<Reconnecting> attempts = events.reconnecting();
      assertThat(attempts.get(0).cause()).contains("stream 'gate-cam'");
      for (int i = 1; i < 3; i++) {
        assertThat(attempts.get(i).attempt()).isEqualTo(i + 1);
        assertThat(attempts.get(i).delay()).isGreaterThan(attempts.get(i - 1).delay());
        assertThat(attempts.get(i).cause()).contains("Connection refused");
      }
      assertThat(attempts).allSatisfy(r -> assertThat(r.delay()).isLessThan(Duration.ofSeconds(3)));

      // The gap, reported once: to the listener, in the status, as a metric and in the log.
      assertThat(events.resumed()).hasSize(1);
      StreamGap gap = events.resumed().get(0).gap();
      System.out.printf(
          "RTSP server down %.2f s; gap reported: %s%n", (upAt - downAt) / 1e9, gap.describe());
      assertThat(gap.length()).isGreaterThan(Duration.ofNanos(upAt - downAt));
      assertThat(gap.reconnects()).isEqualTo(attempts.size()).isGreaterThanOrEqualTo(3);
      assertThat(gap.cause()).isEqualTo(firstCause(attempts));
      assertThat(resumed.lastGap()).isEqualTo(gap);
      assertThat(resumed.counts().gaps()).isEqualTo(1);
      Timer gaps = registry.get("facetrail.ingest.gap").tag("stream", "gate-cam").timer();
      assertThat(gaps.count()).isEqualTo(1);
      assertThat(gaps.totalTime(TimeUnit.MILLISECONDS))
          .isCloseTo(gap.length().toMillis(), within(1.0));
      assertThat(logs.lines()).contains("INFO Stream 'gate-cam' resumed after " + gap.describe());

      // Downstream: no frame twice, time never goes back, and the hole shows in media time.
      List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "gate-cam", WAIT));
      assertThat(frames).hasSize((int) outcome.counts().framesPublished());
      assertStrictlyIncreasing(frames);
      long largestStepUs = 0;
      for (int i = 1; i < frames.size(); i++) {
        largestStepUs =
            Math.max(
                largestStepUs, frames.get(i).getMediaTimeUs() - frames.get(i - 1).getMediaTimeUs());
      }
      assertThat(largestStepUs).isGreaterThan(gap.length().toNanos() / 1000 - 1_000_000);
    }
  }

  @Test
  void frozenServerIsDetectedAsStalledWithinTheTimeoutAndReconnected() throws Exception {
    try (CapturedLogs logs = new CapturedLogs(VideoStreamWorker.class);
        IngestEngine engine = engine()) {
      StreamHandle cam = engine.start(configured("yard-cam"));
      await().atMost(WAIT).until(() -> cam.status().counts().framesPublished() >= 5);
      long frozenAt = System.nanoTime();
      server.freeze();
      await().atMost(WAIT).until(() -> !events.reconnecting().isEmpty());
      Reconnecting stall = events.reconnecting().get(0);
      long publishedWhileFrozen = cam.status().counts().framesPublished();
      server.thaw();
      await().atMost(WAIT).until(() -> !events.resumed().isEmpty());
      await()
          .atMost(WAIT)
          .until(() -> cam.status().counts().framesPublished() >= publishedWhileFrozen + 5);
      StreamOutcome outcome = stop(cam);

      // stallTimeout is 2 s: no sooner (the connection is open, frames were flowing) and not
      // much later (the interrupt callback is polled while the read blocks; frames that FFmpeg's
      // buffers release after the deadline once pushed it a whole timeout further).
      double detectedAfter = (stall.atNanos() - frozenAt) / 1e9;
      System.out.printf(
          "RTSP stall reported %.2f s after the server froze (stallTimeout 2 s)%n", detectedAfter);
      assertThat(detectedAfter).isBetween(1.5, 3.2);
      assertThat(stall.cause()).isEqualTo("stream 'yard-cam': stalled: no frame for 2 s");
      assertThat(registry.get("facetrail.ingest.errors").tag("kind", "stalled").counter().count())
          .isEqualTo(1);
      assertThat(logs.lines())
          .anyMatch(
              l ->
                  l.startsWith(
                      "WARN stream 'yard-cam': stalled: no frame for 2 s; reconnecting in"))
          .anyMatch(l -> l.startsWith("INFO Stream 'yard-cam' resumed after "));
      StreamGap gap = events.resumed().get(0).gap();
      assertThat(gap.cause()).isEqualTo("stalled: no frame for 2 s");
      assertThat(gap.length()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

      assertThat(outcome.reason()).isEqualTo(EndReason.STOPPED);
      assertThat(outcome.counts().gaps()).isEqualTo(1);
      List<Frame> frames = FramesTopic.frames(FramesTopic.readStream(kafka, "yard-cam", WAIT));
      assertThat(frames).hasSize((int) outcome.counts().framesPublished());
      assertStrictlyIncreasing(frames);
    }
  }

  /** The cause a gap names: the first failure's message, without the stream prefix. */
  private static String firstCause(List<Reconnecting> attempts) {
    return attempts.get(0).cause().substring("stream 'gate-cam': ".length());
  }

  private static void assertStrictlyIncreasing(List<Frame> frames) {
    for (int i = 1; i < frames.size(); i++) {
      assertThat(frames.get(i).getSequence())
          .as("sequence after %d", frames.get(i - 1).getSequence())
          .isGreaterThan(frames.get(i - 1).getSequence());
      assertThat(frames.get(i).getMediaTimeUs())
          .as("media time of frame %d", frames.get(i).getSequence())
          .isGreaterThan(frames.get(i - 1).getMediaTimeUs());
    }
  }
}
