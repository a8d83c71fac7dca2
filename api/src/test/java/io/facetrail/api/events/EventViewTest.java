package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEventSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventViewTest {
  @Test
  void showsTheEventAsPublishedPlusItsTracksThumbnail() {
    ThumbnailStore thumbs = new ThumbnailStore(10);
    EventView view = new EventView(thumbs);
    StoredEvent e =
        new StoredEvent(
            0, 7, TestEvents.event(1, "lobby cam", "lobby cam/r0/t1/s2", "p", Instant.EPOCH));
    JsonNode without = view.tree(e);
    assertThat(without.get("thumbnailUrl").isNull()).isTrue();
    ObjectNode rest = (ObjectNode) without.deepCopy();
    rest.remove("thumbnailUrl");
    assertThat(IdentityEventSerde.mapper().writeValueAsString(rest))
        .as("every other field exactly as on the identity topic")
        .isEqualTo(IdentityEventSerde.toJson(e.event()));

    thumbs.observed("lobby cam/r0/t1", new byte[] {1}, 0.5f);
    assertThat(view.tree(e).get("thumbnailUrl").asString())
        .as("a split track's part shows its tracker track's face; slashes stay, spaces are encoded")
        .isEqualTo("/api/v1/tracks/lobby%20cam/r0/t1/thumbnail.jpg");
  }
}
