package io.facetrail.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.ingest.source.SourceKind;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {
  @TempDir Path dir;

  private IngestConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = Files.writeString(dir.resolve("ingest.yaml"), yaml);
    return IngestConfig.loader().load(file, env, Map.of());
  }

  @Test
  void streamsInheritDefaultsAndOverrideThemField() throws Exception {
    IngestConfig config =
        load(
            """
            defaults:
              output: {jpegQuality: 80}
              reconnect: {maxAttempts: 5}
            streams:
              - id: lobby
                input: rtsp://cam1.example/stream1
                username: viewer
                password: hunter2
                labels: {site: hq, camera: lobby}
                sampling: {fps: 2}
                reconnect: {initialDelay: 1s}
              - input: /archive/day1.mp4
                output: {maxSide: 1280}
                decode: {options: {analyzeduration: "500000"}}
            """,
            Map.of());

    List<SourceSpec> sources = config.sources();
    SourceSpec cam = sources.get(0);
    SourceSpec file = sources.get(1);
    assertThat(cam.streamId()).isEqualTo("lobby");
    assertThat(cam.live()).isTrue();
    assertThat(cam.sampling()).isEqualTo(SamplingPolicy.fps(2));
    assertThat(cam.jpegQuality()).isEqualTo(80);
    assertThat(cam.reconnect().initialDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(cam.reconnect().maxAttempts()).isEqualTo(5);
    assertThat(cam.ffmpegOptions()).containsEntry("rtsp_transport", "tcp");
    assertThat(cam.labels()).containsEntry("camera", "lobby");
    assertThat(cam.openUrl()).isEqualTo("rtsp://viewer:hunter2@cam1.example/stream1");
    assertThat(config.toString()).doesNotContain("hunter2");
    assertThat(file.streamId()).isEqualTo("day1");
    assertThat(file.kind()).isEqualTo(SourceKind.FILE);
    assertThat(file.sampling()).isEqualTo(SamplingPolicy.everyFrame());
    assertThat(file.maxSide()).isEqualTo(1280);
    assertThat(file.ffmpegOptions()).containsEntry("analyzeduration", "500000");
  }

  @Test
  void environmentOverridesDefaults() throws Exception {
    IngestConfig config =
        load(
            "streams: [{input: a.mp4}]\n",
            Map.of(
                "FACETRAIL_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092",
                "FACETRAIL_DEFAULTS_SAMPLING_MODE", "key_frames"));

    assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-1:9092");
    assertThat(config.sources().get(0).sampling()).isEqualTo(SamplingPolicy.keyFrames());
  }

  @Test
  void everyProblemIsListedWithItsPath() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    defaults:
                      sampling: {mode: sometimes}
                    streams:
                      - id: a
                        input: x.mp4
                        output: {jpegQuality: 150}
                      - id: a
                        input: y.mp4
                      - labels: {site: hq}
                    statusIntervall: 5s
                    """,
                    Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(
            "defaults.sampling.mode: 'sometimes' is not one of auto, all, fps, key_frames")
        .hasMessageContaining("statusIntervall: unknown setting (did you mean 'statusInterval'?)");
    assertThatThrownBy(
            () ->
                load(
                    """
                    streams:
                      - id: a
                        input: x.mp4
                        output: {jpegQuality: 150}
                      - id: a
                        input: y.mp4
                      - labels: {site: hq}
                    """,
                    Map.of()))
        .hasMessageContaining("streams[0]: jpegQuality 150 not in 1..100")
        .hasMessageContaining("streams[1].id: 'a' is used twice")
        .hasMessageContaining("streams[2].input: is required");
  }
}
