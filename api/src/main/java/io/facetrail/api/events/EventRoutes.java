package io.facetrail.api.events;

import io.facetrail.api.access.Role;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.facetrail.api.server.QueryParams;
import io.facetrail.contracts.identity.IdentityEventType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/events} (recent, newest first), {@code GET /api/v1/events/live} (Server-Sent
 * Events, resumable with {@code Last-Event-ID}) and {@code GET
 * /api/v1/tracks/{trackId}/thumbnail.jpg}, all for viewers.
 */
final class EventRoutes implements ApiRoutes {
  /** The longest filter value accepted (stream and person ids are far shorter). */
  static final int MAX_FILTER_LENGTH = 512;

  static final String EVENT_STREAM = "text/event-stream";

  private final EventStore store;
  private final ThumbnailStore thumbnails;
  private final EventView view;
  private final PersonDirectory directory;
  private final LiveHub hub;

  EventRoutes(
      EventStore store,
      ThumbnailStore thumbnails,
      EventView view,
      PersonDirectory directory,
      LiveHub hub) {
    this.store = store;
    this.thumbnails = thumbnails;
    this.view = view;
    this.directory = directory;
    this.hub = hub;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/events", this::recent, Role.VIEWER);
    app.get("/api/v1/events/live", this::live, Role.VIEWER);
    // <trackId> (not {trackId}): a track id holds slashes, stream/r0/t1.
    app.get("/api/v1/tracks/<trackId>/thumbnail.jpg", this::thumbnail, Role.VIEWER);
  }

  private void recent(Context ctx) {
    EventQuery query = query(ctx);
    int limit = QueryParams.intParam(ctx, "limit", 100, 1, 1000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", view.trees(store.newest(query, limit, directory)));
    body.put("coveredSince", store.coveredSince());
    ctx.json(body);
  }

  private void live(Context ctx) throws Exception {
    if (hub == null) {
      throw ProblemException.of(
          503,
          "events-disabled",
          "Live events are off",
          "this server does not read the identity topic (events.enabled is false)");
    }
    if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
      throw ProblemException.of(
          406,
          "not-acceptable",
          "Not acceptable",
          "live events are a Server-Sent Events stream: send 'Accept: " + EVENT_STREAM + "'");
    }
    EventQuery query = query(ctx);
    ResumeToken from = token(ctx);
    if (!hub.admit()) {
      throw ProblemException.of(
          503,
          "too-many-live-clients",
          "Too many live clients",
          "this server serves at most its events.liveClients live clients at once; retry later");
    }
    try {
      new SseHandler(0, client -> hub.attach(client, from, query)).handle(ctx);
    } catch (RuntimeException e) {
      // Failed before the client was handed over: its place is free again.
      hub.release();
      throw e;
    }
  }

  private void thumbnail(Context ctx) {
    String track = ctx.pathParam("trackId");
    byte[] jpeg =
        thumbnails
            .get(track)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no-thumbnail", "no face is known for this track (or not any more)"));
    // Face data: not kept by caches, so an erasure is not undone by one.
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("image/jpeg").result(jpeg);
  }

  /** The resume token: the Last-Event-ID header, else ?lastEventId= (EventSource reconnects). */
  static ResumeToken token(Context ctx) {
    String text = ctx.header("Last-Event-ID");
    if (text == null || text.isBlank()) {
      text = ctx.queryParam("lastEventId");
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ResumeToken.decode(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "Last-Event-ID is not an event id this server sent: " + e.getMessage());
    }
  }

  static EventQuery query(Context ctx) {
    Instant since = instant(ctx, "since");
    Instant until = instant(ctx, "until");
    if (since != null && until != null && !since.isBefore(until)) {
      throw ProblemException.badRequest("since must be before until");
    }
    return new EventQuery(
        text(ctx, "camera"), text(ctx, "person"), type(ctx.queryParam("type")), since, until);
  }

  private static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > MAX_FILTER_LENGTH) {
      throw ProblemException.badRequest(
          name + " is longer than " + MAX_FILTER_LENGTH + " characters");
    }
    return v;
  }

  private static IdentityEventType type(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    for (IdentityEventType t : IdentityEventType.values()) {
      if (t.json().equals(v.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw ProblemException.badRequest("type must be identified, changed, ended or unknown");
  }

  private static Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          name + " must be an ISO-8601 instant, e.g. 2026-12-07T10:00:00Z");
    }
  }
}
