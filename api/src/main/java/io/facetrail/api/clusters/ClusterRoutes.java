package io.facetrail.api.clusters;

import io.facetrail.api.access.Role;
import io.facetrail.api.audit.Audit;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.search.ArchiveAccess;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.facetrail.api.server.QueryParams;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.Cluster;
import io.facetrail.matcher.cluster.ClusterNaming;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.PersonNames;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * {@code GET /api/v1/clusters}, {@code GET /api/v1/clusters/{id}} and {@code POST
 * /api/v1/clusters/{id}/name}: the clusters of unknown faces in the track archive, and naming one.
 * The faces are the archive's, served by {@code /api/v1/archive/tracks/{trackId}/thumbnail.jpg}.
 */
public final class ClusterRoutes implements ApiRoutes {
  private static final int MAX_LIMIT = 500;

  private final ArchiveAccess archive;
  private final boolean clustering;
  private final ClusterSnapshots snapshots;
  private final ClusterNaming naming;
  private final Gallery gallery;
  private final RetroactivePublisher publisher;
  private final Runnable galleryChanged;
  private final Audit audit;
  // Two namings at once would enrol from and re-decide the same tracks twice.
  private final ReentrantLock namingTurn = new ReentrantLock();

  /** The request body of a naming. */
  public record NameRequest(String name, Integer faces) {}

  /**
   * The routes of {@code config}'s clusters over {@code archive}, naming into {@code gallery}.
   *
   * @param thresholds the calibration at the configured decision rate (as photos are identified)
   * @param galleryChanged brings the API's own gallery index up to date at once (its event feed
   *     drops events naming a person the index does not know, taking them for erased ones)
   */
  public static ClusterRoutes of(
      ApiConfig config,
      ArchiveAccess archive,
      Thresholds thresholds,
      Gallery gallery,
      Audit audit,
      Runnable galleryChanged,
      Clock clock) {
    return new ClusterRoutes(
        archive,
        config.clusters().enabled(),
        new ClusterSnapshots(config.clusters(), thresholds, System::nanoTime),
        new ClusterNaming(config.decision(), config.gallery(), thresholds, clock),
        gallery,
        new RetroactivePublisher(config.events().enabled() ? config.kafka() : null),
        audit,
        galleryChanged);
  }

  ClusterRoutes(
      ArchiveAccess archive,
      boolean clustering,
      ClusterSnapshots snapshots,
      ClusterNaming naming,
      Gallery gallery,
      RetroactivePublisher publisher,
      Audit audit,
      Runnable galleryChanged) {
    this.galleryChanged = galleryChanged;
    this.archive = archive;
    this.clustering = clustering;
    this.snapshots = snapshots;
    this.naming = naming;
    this.gallery = gallery;
    this.publisher = publisher;
    this.audit = audit;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/clusters", this::list, Role.VIEWER);
    app.get("/api/v1/clusters/{id}", this::show, Role.VIEWER);
    app.post("/api/v1/clusters/{id}/name", this::name, Role.OPERATOR);
  }

  private void list(Context ctx) {
    int minTracks = QueryParams.intParam(ctx, "minTracks", 1, 1, 1_000_000);
    int limit = QueryParams.intParam(ctx, "limit", 100, 1, MAX_LIMIT);
    Map<String, Object> body =
        within(
            a -> {
              UnknownClusters clusters = snapshots.of(a);
              List<Cluster> all = clusters.clusters();
              List<Map<String, Object>> shown = new ArrayList<>();
              int matching = 0;
              for (Cluster c : all) {
                if (c.size() < minTracks) {
                  break; // largest first
                }
                matching++;
                if (shown.size() < limit) {
                  shown.add(ClusterViews.summary(c, clusters.members(c.id())));
                }
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("clusterCount", all.size());
              out.put("clusteredTracks", clusters.size());
              out.put("matching", matching);
              out.put("clusters", shown);
              return out;
            });
    ctx.json(body);
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, Object> body =
        within(
            a -> {
              UnknownClusters clusters = snapshots.of(a);
              Cluster c = find(clusters, id);
              Map<String, Object> out =
                  new LinkedHashMap<>(ClusterViews.summary(c, clusters.members(c.id())));
              out.put("requestedId", id);
              out.put("mergedInto", c.id().equals(id) ? null : c.id());
              List<Map<String, Object>> tracks = new ArrayList<>();
              for (String trackId : c.trackIds()) {
                tracks.add(ClusterViews.track(trackId, a.track(trackId)));
              }
              out.put("members", tracks);
              return out;
            });
    ctx.json(body);
  }

  private void name(Context ctx) {
    String id = ctx.pathParam("id");
    NameRequest request;
    try {
      request = ctx.bodyAsClass(NameRequest.class);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("the body is {\"name\": \"...\", \"faces\": 5}");
    }
    if (request == null || request.name() == null) {
      throw ProblemException.invalid("a name is required", List.of("name: required"));
    }
    String name = PersonNames.checked(request.name());
    int faces = request.faces() == null ? 5 : request.faces();
    if (faces < 1 || faces > ClusterNaming.MAX_FACES) {
      throw ProblemException.invalid(
          "faces must be between 1 and " + ClusterNaming.MAX_FACES,
          List.of("faces: between 1 and " + ClusterNaming.MAX_FACES + ", got " + faces));
    }
    namingTurn.lock();
    ClusterNaming.Named named;
    try {
      named =
          within(
              a -> {
                UnknownClusters clusters = snapshots.of(a);
                Cluster c = find(clusters, id);
                try {
                  return naming.name(a, clusters, c, name, faces, gallery);
                } catch (ClusterNaming.NoGoodFacesException e) {
                  throw ProblemException.of(
                      422,
                      "no-good-faces",
                      "No face of the cluster is good enough to enrol",
                      e.getMessage());
                } finally {
                  // The archive's decisions may have changed even when naming failed midway.
                  snapshots.invalidate();
                }
              });
    } finally {
      namingTurn.unlock();
    }
    // The events name the person just enrolled: the API's index must know them before its own
    // feed reads the events back, or it would drop them as naming an erased person.
    galleryChanged.run();
    RetroactivePublisher.Outcome sent = publisher.publish(named.events());
    String personId = named.person().id();
    audit.record(
        ctx,
        "cluster.name",
        personId,
        "ok",
        "cluster "
            + named.cluster().id()
            + ", "
            + named.clusterTracksIdentified()
            + " of "
            + named.cluster().size()
            + " tracks identified, "
            + named.events().size()
            + " events"
            + (sent.published() ? " published" : " not published"));
    ctx.status(201).header("Location", "/api/v1/persons/" + personId).json(body(named, sent));
  }

  private static Map<String, Object> body(
      ClusterNaming.Named named, RetroactivePublisher.Outcome sent) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", named.person().id());
    person.put("name", named.person().name());
    Map<String, Object> cluster = new LinkedHashMap<>();
    cluster.put("id", named.cluster().id());
    cluster.put("tracks", named.cluster().size());
    Map<String, Object> events = new LinkedHashMap<>();
    events.put("count", named.events().size());
    events.put("published", sent.published());
    events.put("topic", sent.topic());
    events.put("detail", sent.detail());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("person", person);
    out.put("cluster", cluster);
    out.put("enrolledTracks", named.enrolledTracks());
    out.put("clusterTracksIdentified", named.clusterTracksIdentified());
    out.put("otherTracksChanged", named.otherChanges());
    out.put("examined", named.redecision().examined());
    out.put("events", events);
    return out;
  }

  private static Cluster find(UnknownClusters clusters, String id) {
    return clusters
        .cluster(id)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "unknown-cluster",
                    "no cluster of unknown faces has the id "
                        + id
                        + " (nor had it before a merge)"));
  }

  /** Runs {@code action} on the archive, or says why clusters cannot be had. */
  private <T> T within(Function<TrackArchive, T> action) {
    if (!clustering) {
      throw ProblemException.of(
          409,
          "clustering-off",
          "Clustering of unknown faces is off",
          "clusters.enabled is false in this API's configuration");
    }
    if (archive.off()) {
      throw ProblemException.of(
          409,
          "archive-off",
          "The track archive is off",
          "archive.store is OFF: no tracks are archived, so there are no clusters to show");
    }
    try {
      return archive.with(action);
    } catch (ArchiveUnavailableException e) {
      throw ProblemException.of(
          503, "archive-unavailable", "The track archive cannot be read now", e.getMessage());
    }
  }
}
