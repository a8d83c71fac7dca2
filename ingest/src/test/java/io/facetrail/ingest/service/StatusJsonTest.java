package io.facetrail.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.ingest.engine.StreamCounts;
import io.facetrail.ingest.engine.StreamGap;
import io.facetrail.ingest.engine.StreamState;
import io.facetrail.ingest.engine.StreamStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
  private static StreamStatus status(long gaps, StreamGap lastGap) {
    return new StreamStatus(
        "gate",
        "rtsp://cam/1",
        true,
        StreamState.RUNNING,
        new StreamCounts(500, 0, 100, 100, 0, 0, 0, 3, gaps),
        25.0,
        Duration.ofMillis(40),
        20_000_000,
        -1,
        "",
        lastGap);
  }

  @Test
  void theStatusApiShowsTheGapsALiveStreamRecoveredFrom() {
    StreamGap gap = new StreamGap(Duration.ofMillis(4240), 3, "the stream ended");

    String json = StatusJson.statuses(List.of(status(1, gap)));

    assertThat(json)
        .contains("\"reconnects\":3,\"gaps\":1")
        .contains("\"lastGap\":{\"seconds\":4.24,\"reconnects\":3,\"cause\":\"the stream ended\"}");
  }

  @Test
  void aStreamWithoutGapsSaysSo() {
    assertThat(StatusJson.statuses(List.of(status(0, null))))
        .contains("\"gaps\":0")
        .contains("\"lastGap\":null");
  }
}
