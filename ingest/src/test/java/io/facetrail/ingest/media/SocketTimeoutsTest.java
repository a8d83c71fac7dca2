package io.facetrail.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketTimeoutsTest {
  private static OpenRequest network(String url, String format, Map<String, String> options) {
    return new OpenRequest(
        url, format, options, 1, false, true, Duration.ofSeconds(15), Duration.ofSeconds(2), 1000);
  }

  @Test
  void rtspGetsTheDemuxersSocketTimeoutAMarginAfterTheStallTimeout() {
    Map<String, String> options =
        SocketTimeouts.withDefaults(
            network("RTSP://cam/stream", null, Map.of("rtsp_transport", "tcp")));
    assertThat(options)
        .containsEntry("rtsp_transport", "tcp")
        .containsEntry("timeout", "3000000")
        .containsEntry("rw_timeout", "3000000");
    assertThat(SocketTimeouts.withDefaults(network("rtsps://cam/s", null, Map.of())))
        .containsKey("timeout");
    assertThat(SocketTimeouts.withDefaults(network("tcp://cam:554/s", "rtsp", Map.of())))
        .containsKey("timeout");
  }

  @Test
  void otherNetworkInputsGetOnlyRwTimeoutBecauseRtmpReadsTimeoutAsAListenTime() {
    assertThat(SocketTimeouts.withDefaults(network("rtmp://host/live/key", null, Map.of())))
        .containsEntry("rw_timeout", "3000000")
        .doesNotContainKey("timeout");
    assertThat(SocketTimeouts.withDefaults(network("http://host/live.m3u8", null, Map.of())))
        .doesNotContainKey("timeout");
  }

  @Test
  void theStreamsOwnOptionsWinAndFilesGetNone() {
    Map<String, String> own = Map.of("timeout", "9000000", "rw_timeout", "8000000");
    assertThat(SocketTimeouts.withDefaults(network("rtsp://cam/s", null, own))).isEqualTo(own);
    assertThat(SocketTimeouts.withDefaults(OpenRequest.file("/videos/a.mp4", 1))).isEmpty();
  }
}
