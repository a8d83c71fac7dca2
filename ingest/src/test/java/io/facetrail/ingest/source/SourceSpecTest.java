package io.facetrail.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.runtime.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSpecTest {
  @Test
  void kindsAndLiveDefaultsFollowTheInput(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("photos"));

    SourceSpec file = SourceSpec.builder("clip.mp4").build();
    SourceSpec camera = SourceSpec.builder("rtsp://cam/1").build();
    SourceSpec photos = SourceSpec.builder(folder.toString()).build();
    SourceSpec device = SourceSpec.builder("/dev/video0").build();

    assertThat(file.kind()).isEqualTo(SourceKind.FILE);
    assertThat(file.live()).isFalse();
    assertThat(file.sampling()).isEqualTo(SamplingPolicy.everyFrame());
    assertThat(camera.kind()).isEqualTo(SourceKind.NETWORK);
    assertThat(camera.live()).isTrue();
    assertThat(camera.sampling()).isEqualTo(SamplingPolicy.fps(5));
    assertThat(photos.kind()).isEqualTo(SourceKind.IMAGE_FOLDER);
    assertThat(device.kind()).isEqualTo(SourceKind.DEVICE);
    assertThat(device.live()).isTrue();
  }

  @Test
  void credentialsGoIntoTheOpenedUrlOnlyAndNeverIntoItsName() {
    SourceSpec spec =
        SourceSpec.builder("rtsp://cam1/stream")
            .optCredentials("viewer", Secret.of("p@ss word"))
            .build();

    assertThat(spec.openUrl()).isEqualTo("rtsp://viewer:p%40ss%20word@cam1/stream");
    assertThat(spec.displayName()).isEqualTo("rtsp://cam1/stream");
    assertThat(spec.toString()).doesNotContain("p@ss");
  }

  @Test
  void invalidOptionsAreRefusedByName() {
    assertThatThrownBy(() -> SourceSpec.builder("a.mp4").optJpegQuality(0).build())
        .hasMessageContaining("jpegQuality 0");
    assertThatThrownBy(() -> SourceSpec.builder("a.mp4").optMaxSide(8).build())
        .hasMessageContaining("maxSide 8");
    assertThatThrownBy(() -> SourceSpec.builder(" ").build()).hasMessageContaining("input");
  }
}
