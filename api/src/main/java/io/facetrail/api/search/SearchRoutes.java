package io.facetrail.api.search;

import io.facetrail.api.access.Role;
import io.facetrail.api.audit.Audit;
import io.facetrail.api.config.LimitSettings;
import io.facetrail.api.photos.PhotoAnalysis;
import io.facetrail.api.photos.UploadBatch;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.facetrail.api.server.QueryParams;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.decision.NoCalibrationException;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.matcher.index.SearchMode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/v1/search} (a photo) and {@code GET /api/v1/search?person=ID}: every archived
 * track near the face, or near any of the person's enrolled codes or decided as them, nearest
 * first; {@code GET /api/v1/archive/tracks/{trackId}/thumbnail.jpg}. Searches of biometric data:
 * audited.
 */
public final class SearchRoutes implements ApiRoutes {
  private final ArchiveAccess archive;
  private final Gallery gallery;
  private final Function<String, Optional<String>> currentName;
  private final Thresholds thresholds;
  private final PhotoAnalysis analysis;
  private final LimitSettings limits;
  private final Audit audit;

  public SearchRoutes(
      ArchiveAccess archive,
      Gallery gallery,
      Function<String, Optional<String>> currentName,
      Thresholds thresholds,
      PhotoAnalysis analysis,
      LimitSettings limits,
      Audit audit) {
    this.archive = archive;
    this.gallery = gallery;
    this.currentName = currentName;
    this.thresholds = thresholds;
    this.analysis = analysis;
    this.limits = limits;
    this.audit = audit;
  }

  @Override
  public void addTo(Javalin app) {
    app.post("/api/v1/search", this::byPhoto, Role.VIEWER);
    app.get("/api/v1/search", this::byPerson, Role.VIEWER);
    app.get("/api/v1/archive/tracks/<trackId>/thumbnail.jpg", this::thumbnail, Role.VIEWER);
  }

  private void byPhoto(Context ctx) {
    int k = QueryParams.intParam(ctx, "k", 20, 1, limits.maxTopK() * 20);
    try (UploadBatch batch = UploadBatch.read(ctx, "photo", 1, limits)) {
      DetectedFace face = analysis.largestFace(batch.only());
      double threshold;
      try {
        threshold = thresholds.at(face.modelId(), face.modelId(), 1).distance();
      } catch (NoCalibrationException e) {
        throw ProblemException.of(
            503, "no-calibration", "The model has no calibration", e.getMessage());
      }
      Map<String, Object> body =
          search(index -> index.search(face.code(), face.modelId(), k, SearchMode.AUTO), threshold);
      Map<String, Object> photo = new LinkedHashMap<>();
      photo.put("modelId", face.modelId());
      photo.put("faceQuality", Math.round(face.quality() * 1000) / 1000.0);
      body.put("query", Map.of("photo", photo));
      audit.record(
          ctx,
          "search.photo",
          null,
          "ok",
          ((List<?>) body.get("appearances")).size() + " appearances");
      ctx.json(reorder(body));
    }
  }

  private void byPerson(Context ctx) {
    String id = ctx.queryParam("person");
    if (id == null || id.isBlank()) {
      throw ProblemException.badRequest("name the person: ?person=ID (or POST a photo)");
    }
    int k = QueryParams.intParam(ctx, "k", 20, 1, limits.maxTopK() * 20);
    PersonRecord person = gallery.record(id).orElseThrow(() -> new UnknownPersonException(id));
    Map<String, Object> body =
        search(index -> index.searchPerson(id, person.codes(), k, SearchMode.AUTO), Double.NaN);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", id);
    p.put("name", person.person().name());
    body.put("query", Map.of("person", p));
    audit.record(
        ctx,
        "search.person",
        id,
        "ok",
        ((List<?>) body.get("appearances")).size() + " appearances");
    ctx.json(reorder(body));
  }

  private void thumbnail(Context ctx) {
    String trackId = ctx.pathParam("trackId");
    byte[] jpeg =
        within(
            a ->
                a.track(trackId)
                    .filter(t -> visible(a.decision(trackId)))
                    .map(t -> t.thumbnailJpeg())
                    .filter(b -> b != null && b.length > 0)
                    .orElseThrow(
                        () ->
                            ProblemException.notFound(
                                "unknown-track", "no archived face for " + trackId)));
    ctx.contentType("image/jpeg").header("Cache-Control", "no-store").result(jpeg);
  }

  /** A track decided as a person the gallery no longer has is erased from the answer too. */
  private boolean visible(Optional<TrackDecision> d) {
    String p = d.map(TrackDecision::personId).orElse(null);
    return p == null || currentName.apply(p).isPresent();
  }

  private Map<String, Object> search(
      Function<ArchiveIndex, List<ArchiveIndex.Hit>> query, double threshold) {
    return within(
        a -> {
          ArchiveIndex index = ArchiveIndex.load(a, thresholds.comparable(), 50_000, 10_000);
          List<Map<String, Object>> appearances = new ArrayList<>();
          for (ArchiveIndex.Hit h : query.apply(index)) {
            TrackDecision d = h.entry().decision();
            String personId = d == null ? null : d.personId();
            Optional<String> name =
                personId == null ? Optional.empty() : currentName.apply(personId);
            if (personId != null && name.isEmpty()) {
              continue; // decided as somebody erased since: not shown
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trackId", h.entry().trackId());
            m.put("streamId", h.entry().streamId());
            m.put("firstSeen", moment(h.entry().firstSeen()));
            m.put("lastSeen", moment(h.entry().lastSeen()));
            boolean known = !Double.isNaN(h.distance());
            m.put("distance", known ? Math.round(h.distance() * 10_000) / 10_000.0 : null);
            m.put("match", Double.isNaN(threshold) || !known ? null : h.distance() <= threshold);
            m.put("person", personId == null ? null : Map.of("id", personId, "name", name.get()));
            m.put("retroactive", d != null && d.retroactive());
            m.put(
                "thumbnailUrl",
                "/api/v1/archive/tracks/"
                    + URLEncoder.encode(h.entry().trackId(), StandardCharsets.UTF_8)
                        .replace("%2F", "/")
                    + "/thumbnail.jpg");
            appearances.add(m);
          }
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("searched", index.size());
          body.put(
              "threshold",
              Double.isNaN(threshold) ? null : Math.round(threshold * 10_000) / 10_000.0);
          body.put("appearances", appearances);
          return body;
        });
  }

  private <T> T within(Function<io.facetrail.matcher.archive.TrackArchive, T> action) {
    try {
      return archive.with(action);
    } catch (ArchiveUnavailableException e) {
      throw ProblemException.of(
          503, "archive-unavailable", "The track archive cannot be searched now", e.getMessage());
    }
  }

  private static Map<String, Object> moment(Moment m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sequence", m.sequence());
    out.put("mediaTimeMs", m.mediaTimeUs() / 1000.0);
    out.put("capturedAt", java.time.Instant.ofEpochMilli(m.captureTimeMs()).toString());
    return out;
  }

  /** The query first, then what was searched and found. */
  private static Map<String, Object> reorder(Map<String, Object> body) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", body.get("query"));
    body.forEach(
        (k, v) -> {
          if (!k.equals("query")) {
            out.put(k, v);
          }
        });
    return out;
  }
}
