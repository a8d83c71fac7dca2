package io.facetrail.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamIdsTest {
  @Test
  void derivedIdsAreMadeUniqueInOrderAndExplicitOnesWin() {
    List<String> ids =
        StreamIds.assign(
            Arrays.asList(null, "lobby", null, null),
            List.of("a/lobby.mp4", "rtsp://cam/1", "b/lobby.mp4", "c/lobby.mkv"));

    assertThat(ids).containsExactly("lobby-2", "lobby", "lobby-3", "lobby-4");
  }

  @Test
  void sameConfigurationGivesTheSameIds() {
    List<String> inputs = List.of("x/a.mp4", "y/a.mp4");
    assertThat(StreamIds.assign(Arrays.asList(null, null), inputs))
        .isEqualTo(StreamIds.assign(Arrays.asList(null, null), inputs))
        .containsExactly("a", "a-2");
  }

  @Test
  void duplicateExplicitIdIsRefused() {
    assertThatThrownBy(() -> StreamIds.assign(List.of("x", "x"), List.of("a", "b")))
        .hasMessageContaining("'x' is configured twice");
  }
}
