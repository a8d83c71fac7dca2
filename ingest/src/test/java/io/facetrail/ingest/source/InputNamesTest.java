package io.facetrail.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputNamesTest {
  @Test
  void streamIdsComeFromFileNamesWithoutExtensionOrOddCharacters() {
    assertThat(InputNames.streamIdFor("/videos/Opera House 1080p.mp4"))
        .isEqualTo("opera-house-1080p");
    assertThat(InputNames.streamIdFor("archive/2024/")).isEqualTo("2024");
    assertThat(InputNames.streamIdFor("/dev/video0")).isEqualTo("video0");
    assertThat(InputNames.streamIdFor("???.mp4")).isEqualTo("stream");
  }

  @Test
  void streamIdsOfUrlsUseHostAndPathButNeverCredentialsPortOrQuery() {
    assertThat(InputNames.streamIdFor("rtsp://admin:pw@cam1.site.example:554/Streaming/101?t=1"))
        .isEqualTo("cam1.site.example-streaming-101");
    assertThat(InputNames.streamIdFor("https://cdn.example/live/gate.m3u8"))
        .isEqualTo("cdn.example-live-gate");
  }

  @Test
  void displayNamesHideCredentials() {
    assertThat(InputNames.display("rtsp://admin:secret@cam1/stream"))
        .isEqualTo("rtsp://***@cam1/stream");
    assertThat(InputNames.display("/videos/a.mp4")).isEqualTo("/videos/a.mp4");
  }
}
