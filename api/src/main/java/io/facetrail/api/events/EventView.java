package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEventSerde;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as the API shows it: the identity event's JSON exactly as on the topic, plus {@code
 * thumbnailUrl}, the track's best face when one is known.
 */
public final class EventView {
  private final ThumbnailStore thumbnails;

  public EventView(ThumbnailStore thumbnails) {
    this.thumbnails = thumbnails;
  }

  /** The event's JSON tree with {@code thumbnailUrl}. */
  public JsonNode tree(StoredEvent e) {
    ObjectNode node = (ObjectNode) IdentityEventSerde.mapper().valueToTree(e.event());
    String track = e.trackerTrack();
    if (thumbnails.has(track)) {
      node.put("thumbnailUrl", thumbnailPath(track));
    } else {
      node.putNull("thumbnailUrl");
    }
    return node;
  }

  /** The event's JSON text with {@code thumbnailUrl} (one line: an SSE data field). */
  public String json(StoredEvent e) {
    return IdentityEventSerde.mapper().writeValueAsString(tree(e));
  }

  public List<JsonNode> trees(List<StoredEvent> events) {
    List<JsonNode> out = new ArrayList<>(events.size());
    events.forEach(e -> out.add(tree(e)));
    return out;
  }

  /**
   * The thumbnail's path. A track id holds slashes ({@code stream/r0/t1}): they stay, each part
   * between them is percent-encoded.
   */
  public static String thumbnailPath(String trackerTrack) {
    StringBuilder b = new StringBuilder("/api/v1/tracks/");
    String[] parts = trackerTrack.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(URLEncoder.encode(parts[i], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.append("/thumbnail.jpg").toString();
  }
}
