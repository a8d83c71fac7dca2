package io.facetrail.api.videos;

import io.facetrail.api.access.Role;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/videos}, {@code /api/v1/videos/{id}} (the timeline, each track with its {@code
 * faceUrl}) and {@code /api/v1/videos/{id}/faces/{file}}. A person the gallery no longer has
 * (erased since the video was indexed) is shown as unknown: their name and id are left out until
 * the next {@code facetrail index} rewrites the timeline.
 */
public final class VideoRoutes implements ApiRoutes {
  private final IndexedVideos videos;
  private final Function<String, Optional<String>> currentName;

  /**
   * @param currentName the gallery's current name of a person id, empty when erased
   */
  public VideoRoutes(IndexedVideos videos, Function<String, Optional<String>> currentName) {
    this.videos = videos;
    this.currentName = currentName;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/videos", this::list, Role.VIEWER);
    app.get("/api/v1/videos/{id}", this::show, Role.VIEWER);
    app.get("/api/v1/videos/{id}/faces/<file>", this::face, Role.VIEWER);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (IndexedVideos.Entry e : videos.list()) {
      videos
          .read(e)
          .ifPresent(
              doc -> {
                JsonNode view = redacted(doc);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", e.id());
                v.put("name", view.path("video").asString(""));
                v.put("indexedAt", view.path("indexedAt").asString(null));
                v.put("durationSeconds", view.path("durationMs").asDouble(0) / 1000.0);
                v.put("tracks", view.path("tracks").size());
                List<Map<String, Object>> persons = new ArrayList<>();
                for (JsonNode p : view.path("persons")) {
                  Map<String, Object> pm = new LinkedHashMap<>();
                  pm.put("id", p.path("personId").asString(null));
                  pm.put("name", p.path("name").asString(null));
                  pm.put("appearances", p.path("ranges").size());
                  persons.add(pm);
                }
                v.put("persons", persons);
                out.add(v);
              });
    }
    ctx.json(Map.of("videos", out));
  }

  private void show(Context ctx) {
    IndexedVideos.Entry e = entry(ctx);
    JsonNode doc =
        videos
            .read(e)
            .map(this::redacted)
            .orElseThrow(
                () -> ProblemException.notFound("unknown-video", "the timeline cannot be read"));
    ObjectNode out = (ObjectNode) doc;
    out.put("id", e.id());
    out.remove("source");
    for (JsonNode t : out.path("tracks")) {
      String face = t.path("face").asString(null);
      ((ObjectNode) t)
          .put("faceUrl", face == null ? null : "/api/v1/videos/" + e.id() + "/faces/" + face);
    }
    ctx.json(out);
  }

  private void face(Context ctx) {
    IndexedVideos.Entry e = entry(ctx);
    Path file =
        videos
            .face(e, ctx.pathParam("file"))
            .orElseThrow(() -> ProblemException.notFound("unknown-face", "no such face image"));
    try {
      ctx.contentType("image/jpeg").header("Cache-Control", "private, max-age=60");
      ctx.result(Files.readAllBytes(file));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + file, ex);
    }
  }

  private IndexedVideos.Entry entry(Context ctx) {
    String id = ctx.pathParam("id");
    return videos
        .find(id)
        .orElseThrow(() -> ProblemException.notFound("unknown-video", "no indexed video " + id));
  }

  /** The document with every person the gallery no longer has turned into an unknown face. */
  private JsonNode redacted(JsonNode doc) {
    ObjectNode copy = (ObjectNode) doc.deepCopy();
    var persons = copy.withArray("persons");
    for (int i = persons.size() - 1; i >= 0; i--) {
      String id = persons.get(i).path("personId").asString(null);
      if (id != null) {
        Optional<String> name = currentName.apply(id);
        if (name.isEmpty()) {
          persons.remove(i);
        } else {
          ((ObjectNode) persons.get(i)).put("name", name.get());
        }
      }
    }
    for (JsonNode t : copy.withArray("tracks")) {
      String id = t.path("personId").asString(null);
      if (id != null) {
        Optional<String> name = currentName.apply(id);
        ObjectNode track = (ObjectNode) t;
        if (name.isEmpty()) {
          track.putNull("personId");
          track.putNull("personName");
          track.putNull("distance");
        } else {
          track.put("personName", name.get());
        }
      }
    }
    return copy;
  }
}
