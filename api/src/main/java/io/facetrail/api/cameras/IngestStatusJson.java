package io.facetrail.api.cameras;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an ingest service's {@code GET /api/streams} answer ({@code {"streams":[{"stream", "input",
 * "state", "decodeFps", "lastFrameAgeSeconds", ...}]}}) without depending on the ingest module:
 * only the fields the API shows are read, anything else is ignored.
 */
final class IngestStatusJson {
  /** Streams one answer may list (an ingest service runs a few dozen). */
  static final int MAX_STREAMS = 10_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private IngestStatusJson() {}

  /**
   * @throws IllegalArgumentException naming what is wrong with the document
   */
  static List<CameraStatus> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode streams = root == null ? null : root.get("streams");
    if (streams == null || !streams.isArray()) {
      throw new IllegalArgumentException("no \"streams\" array");
    }
    if (streams.size() > MAX_STREAMS) {
      throw new IllegalArgumentException("more than " + MAX_STREAMS + " streams");
    }
    List<CameraStatus> out = new ArrayList<>(streams.size());
    for (JsonNode s : streams) {
      JsonNode id = s.get("stream");
      if (id == null || !id.isString() || id.asString().isBlank()) {
        throw new IllegalArgumentException("a stream without a \"stream\" id");
      }
      out.add(
          CameraStatus.fromIngest(
              id.asString(),
              CameraStatus.State.ofIngest(text(s, "state")),
              text(s, "input"),
              number(s, "decodeFps"),
              number(s, "lastFrameAgeSeconds")));
    }
    return out;
  }

  private static String text(JsonNode s, String field) {
    JsonNode v = s.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }

  private static Double number(JsonNode s, String field) {
    JsonNode v = s.get(field);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }
}
