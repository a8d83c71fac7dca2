package io.facetrail.api.cameras;

import io.facetrail.api.access.Role;
import io.facetrail.api.events.EventStore;
import io.facetrail.api.server.ApiRoutes;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/cameras}: every camera an ingest service reports, joined with every camera the
 * recent events or the tracks topic have shown, by stream id.
 */
public final class CameraRoutes implements ApiRoutes {
  private final List<StreamStatusSource> sources;
  private final Supplier<Map<String, EventStore.CameraEvents>> events;
  private final Supplier<Map<String, Instant>> tracks;

  public CameraRoutes(
      List<StreamStatusSource> sources,
      Supplier<Map<String, EventStore.CameraEvents>> events,
      Supplier<Map<String, Instant>> tracks) {
    this.sources = List.copyOf(sources);
    this.events = events;
    this.tracks = tracks;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/cameras", ctx -> ctx.json(Map.of("cameras", cameras())), Role.VIEWER);
  }

  /** Every camera, by id. */
  public List<CameraStatus> cameras() {
    List<CameraStatus> reported = new ArrayList<>();
    sources.forEach(s -> reported.addAll(s.streams()));
    return union(reported, events.get(), tracks.get());
  }

  /**
   * The reported cameras with their events, then the cameras only the topics show ({@code seen}). A
   * camera reported twice (two ingest services with one id) is listed once, as the first said.
   */
  static List<CameraStatus> union(
      List<CameraStatus> reported,
      Map<String, EventStore.CameraEvents> events,
      Map<String, Instant> tracks) {
    Map<String, CameraStatus> byId = new LinkedHashMap<>();
    for (CameraStatus c : reported) {
      byId.putIfAbsent(c.id(), c);
    }
    for (String id : events.keySet()) {
      byId.putIfAbsent(id, seen(id));
    }
    for (String id : tracks.keySet()) {
      byId.putIfAbsent(id, seen(id));
    }
    List<CameraStatus> out = new ArrayList<>(byId.size());
    for (CameraStatus c : byId.values()) {
      EventStore.CameraEvents e = events.get(c.id());
      out.add(e == null ? c : c.withEvents(e.lastEventAt(), e.events()));
    }
    out.sort(Comparator.comparing(CameraStatus::id));
    return out;
  }

  private static CameraStatus seen(String id) {
    return new CameraStatus(
        id, CameraStatus.State.SEEN.id(), null, null, null, null, 0, CameraStatus.SOURCE_EVENTS);
  }
}
