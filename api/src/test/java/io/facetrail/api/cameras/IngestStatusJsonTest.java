package io.facetrail.api.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.api.events.EventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestStatusJsonTest {
  /** An answer as ingest's StatusJson writes it (fields the API does not show included). */
  static final String ANSWER =
      """
      {"streams":[
        {"stream":"lobby","input":"rtsp://cam1/stream","live":true,"state":"running",
         "framesDecoded":120,"decodeFps":12.5,"lastFrameAgeSeconds":0.1,
         "mediaPositionSeconds":10.0,"durationSeconds":null,"detail":"","lastGap":null},
        {"stream":"gate","input":"rtsp://cam2/stream","live":true,"state":"reconnecting",
         "decodeFps":0.0,"lastFrameAgeSeconds":null,"detail":"connection refused"},
        {"stream":"archive","input":"a.mp4","live":false,"state":"ended","decodeFps":0.0}
      ]}
      """;

  @Test
  void readsTheFieldsTheApiShowsAndMapsIngestStates() {
    List<CameraStatus> streams = IngestStatusJson.parse(ANSWER.getBytes(StandardCharsets.UTF_8));
    assertThat(streams)
        .containsExactly(
            CameraStatus.fromIngest(
                "lobby", CameraStatus.State.LIVE, "rtsp://cam1/stream", 12.5, 0.1),
            CameraStatus.fromIngest(
                "gate", CameraStatus.State.RECONNECTING, "rtsp://cam2/stream", 0.0, null),
            CameraStatus.fromIngest("archive", CameraStatus.State.ENDED, "a.mp4", 0.0, null));
  }

  @Test
  void refusesWhatIsNotAStatusAnswer() {
    assertThatThrownBy(() -> IngestStatusJson.parse("<html>".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> IngestStatusJson.parse("{}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("streams");
    assertThatThrownBy(
            () ->
                IngestStatusJson.parse(
                    "{\"streams\":[{\"state\":\"running\"}]}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("id");
  }

  @Test
  void theUnionAddsEventsToReportedCamerasAndListsCamerasOnlyTheTopicsShow() {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    List<CameraStatus> all =
        CameraRoutes.union(
            List.of(
                CameraStatus.fromIngest("lobby", CameraStatus.State.LIVE, "rtsp://x", 10.0, 0.1)
                    .unreachable()),
            Map.of(
                "lobby", new EventStore.CameraEvents(3, t),
                "yard", new EventStore.CameraEvents(1, t.minusSeconds(5))),
            Map.of("dock", t));
    assertThat(all)
        .extracting(
            CameraStatus::id, CameraStatus::state, CameraStatus::source, CameraStatus::events)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dock", "seen", "events", 0),
            org.assertj.core.groups.Tuple.tuple("lobby", "unreachable", "ingest", 3),
            org.assertj.core.groups.Tuple.tuple("yard", "seen", "events", 1));
    assertThat(all.get(1).lastEventAt()).isEqualTo(t);
    assertThat(all.get(1).input()).isEqualTo("rtsp://x");
  }
}
