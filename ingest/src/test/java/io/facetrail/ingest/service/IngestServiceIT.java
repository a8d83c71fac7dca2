package io.facetrail.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.ingest.cli.IngestCommand;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.testing.FramesTopic;
import io.facetrail.ingest.testing.GeneratedVideo;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The service and the {@code facetrail ingest} command against the in-process broker. */
class IngestServiceIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOKEN = "test-token-0123456789";
  private static EmbeddedKafkaBroker broker;
  private static Path video;

  @TempDir static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    broker = EmbeddedKafkaBroker.startEphemeral();
    video = GeneratedVideo.write(dir.resolve("yard.mp4"), "mp4", 25, 25, 160, 120, 12);
  }

  @AfterAll
  static void tearDown() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void configuredStreamsRunWithMetricsHealthAndStatusOverHttp() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("ingest.yaml"),
            """
            kafka: {bootstrapServers: "%s", topicPrefix: svc.}
            http: {port: 0, apiToken: %s}
            streams:
              - id: yard-1
                input: "%s"
                labels: {site: depot}
              - input: "%s"
                live: true
                reconnect: {maxAttempts: 1, initialDelay: 100ms}
            """
                .formatted(broker.bootstrapServers(), TOKEN, video, dir.resolve("missing.mp4")));
    IngestConfig cfg = IngestConfig.loader().load(config, Map.of(), Map.of());
    HttpClient http = HttpClient.newHttpClient();

    List<StreamOutcome> outcomes;
    try (IngestService service = IngestService.start(cfg, cfg.kafka(), false)) {
      outcomes = service.awaitAll();
      String base = "http://127.0.0.1:" + service.httpPort();
      String metrics = get(http, base + "/metrics", null).body();
      HttpResponse<String> ready = get(http, base + "/health/ready", null);
      HttpResponse<String> status = get(http, base + "/api/streams", TOKEN);
      HttpResponse<String> anonymous = get(http, base + "/api/streams", null);

      assertThat(metrics)
          .contains(
              "facetrail_ingest_frames_published_total{service=\"ingest\",stream=\"yard-1\"} 25.0")
          .contains("facetrail_ingest_frames_decoded_total")
          .contains("facetrail_ingest_decode_fps")
          .contains("facetrail_ingest_last_frame_age_seconds")
          .contains(
              "facetrail_ingest_errors_total{kind=\"missing_file\",service=\"ingest\",stream=\"missing\"} 1.0");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body())
          .contains("\"stream\":\"yard-1\"")
          .contains("\"framesPublished\":25");
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    assertThat(outcomes)
        .extracting(StreamOutcome::reason)
        .containsExactly(EndReason.COMPLETED, EndReason.FAILED);
    assertThat(outcomes.get(1).detail()).contains("stream 'missing': file not found");
    KafkaSettings kafka = cfg.kafka();
    List<FrameRecord> records = FramesTopic.readStream(kafka, "yard-1", WAIT);
    assertThat(FramesTopic.frames(records))
        .hasSize(25)
        .allSatisfy(f -> assertThat(f.getLabelsMap()).containsEntry("site", "depot"));
  }

  @Test
  void quickFormCommandPrintsOneJsonLinePerStream() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new IngestCommand())
              .execute(
                  video.toString(),
                  video.toString(),
                  "--fps",
                  "5",
                  "--label",
                  "camera=yard",
                  "--bootstrap-servers",
                  broker.bootstrapServers(),
                  "--topic-prefix",
                  "cli.",
                  "--no-http");
    } finally {
      System.setOut(original);
    }

    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(out.lines().toList())
        .hasSize(2)
        .anySatisfy(
            l -> assertThat(l).contains("\"stream\":\"yard\"").contains("\"framesPublished\":5"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("\"stream\":\"yard-2\"")
                    .contains("\"result\":\"completed\""));
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "cli.");
    assertThat(FramesTopic.frames(FramesTopic.readStream(kafka, "yard-2", WAIT)))
        .hasSize(5)
        .allSatisfy(f -> assertThat(f.getLabelsMap()).containsEntry("camera", "yard"));
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
