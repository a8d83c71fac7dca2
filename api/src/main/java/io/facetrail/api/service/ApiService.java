package io.facetrail.api.service;

import io.facetrail.api.access.AccessGate;
import io.facetrail.api.access.ApiKeyStore;
import io.facetrail.api.access.RateLimiter;
import io.facetrail.api.access.SessionRoutes;
import io.facetrail.api.access.Sessions;
import io.facetrail.api.audit.Audit;
import io.facetrail.api.audit.AuditLog;
import io.facetrail.api.audit.AuditRoutes;
import io.facetrail.api.cameras.CameraRoutes;
import io.facetrail.api.cameras.IngestStatusPoller;
import io.facetrail.api.cameras.StreamStatusSource;
import io.facetrail.api.clusters.ClusterRoutes;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.events.LiveEvents;
import io.facetrail.api.events.PersonDirectory;
import io.facetrail.api.persons.PersonRoutes;
import io.facetrail.api.photos.Identification;
import io.facetrail.api.photos.PhotoAnalysis;
import io.facetrail.api.photos.PhotoRoutes;
import io.facetrail.api.search.ArchiveAccess;
import io.facetrail.api.search.SearchRoutes;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ApiServer;
import io.facetrail.api.server.Closing;
import io.facetrail.api.videos.IndexedVideos;
import io.facetrail.api.videos.VideoRoutes;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.sync.GallerySync;
import io.facetrail.matcher.trained.ModelFolders;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API process: opens the gallery (and follows its change feed, as a matcher does), the face
 * models, the keys, the audit log and the event feed, then serves every route group. Closing it
 * closes everything it opened, newest first.
 */
public final class ApiService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiService.class);

  private final ApiServer server;
  private final Deque<AutoCloseable> opened;
  private final ApiKeyStore keys;

  private ApiService(ApiServer server, Deque<AutoCloseable> opened, ApiKeyStore keys) {
    this.server = server;
    this.opened = opened;
    this.keys = keys;
  }

  /**
   * Starts the API of {@code config} with {@code analyzer} (owned by the service from here on).
   *
   * @throws IllegalStateException when a store, the models or the address cannot be opened (what
   *     was opened is closed)
   */
  public static ApiService start(ApiConfig config, FaceAnalyzer analyzer, Clock clock) {
    return start(config, analyzer, clock, List.of());
  }

  /**
   * As {@link #start(ApiConfig, FaceAnalyzer, Clock)}, with camera status from {@code cameras}
   * besides the configured ingest services (the ingest of the same process, in {@code run
   * --serve}).
   */
  public static ApiService start(
      ApiConfig config, FaceAnalyzer analyzer, Clock clock, List<StreamStatusSource> cameras) {
    return start(
        config,
        analyzer,
        clock,
        cameras,
        ArchiveAccess.perCall(config.archive(), config.gallery()));
  }

  /**
   * As {@link #start(ApiConfig, FaceAnalyzer, Clock, List)}, searching the track archive through
   * {@code archive} (the run's own, in {@code run --serve}).
   */
  public static ApiService start(
      ApiConfig config,
      FaceAnalyzer analyzer,
      Clock clock,
      List<StreamStatusSource> cameras,
      ArchiveAccess archive) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      PhotoAnalysis analysis = new PhotoAnalysis(analyzer);
      opened.push(analysis);
      PrometheusMeterRegistry registry = ServiceMetrics.create("api");
      Health health = new Health();
      ApiKeyStore keys = new ApiKeyStore(ApiPaths.keysFile(config.access()), clock);
      Sessions sessions = new Sessions(config.access().sessionTtl(), clock);
      AccessGate gate =
          new AccessGate(
              keys,
              sessions,
              new RateLimiter(config.access().requestsPerMinute(), System::nanoTime),
              config.access().trustedProxies());
      AuditLog auditLog = AuditLog.open(ApiPaths.auditFile(config.access()));
      opened.push(auditLog);
      Audit audit = new Audit(auditLog, clock);
      Gallery gallery = GalleryStores.open(config.gallery(), clock);
      opened.push(gallery);
      Thresholds thresholds =
          Thresholds.of(
              DecisionRate.of(config.decision()), ModelFolders.load(config.gallery().models()));
      GalleryIndex index =
          new GalleryIndex(
              thresholds.comparable(),
              ForkJoinPool.commonPool(),
              config.gallery().fastThreshold(),
              config.gallery().fastCandidates());
      GallerySync sync =
          new GallerySync(
              gallery,
              index,
              config.gallery().pollInterval(),
              config.gallery().maxStaleness(),
              System::nanoTime,
              registry);
      sync.start();
      opened.push(sync);
      health.readinessCheck(
          "gallery",
          () ->
              sync.isFresh()
                  ? Health.Status.up(gallery.describe())
                  : Health.Status.down("the gallery has not been reached recently"));
      List<ApiRoutes> routes = new ArrayList<>();
      routes.add(
          new SessionRoutes(
              keys, sessions, config.access().sessionTtl(), config.access().secureCookies()));
      routes.add(new PersonRoutes(gallery, analysis, config.limits(), audit, clock));
      routes.add(
          new PhotoRoutes(
              analysis,
              new Identification(index, thresholds, new DecisionPolicy(config.decision())),
              config.limits(),
              audit));
      routes.add(new AuditRoutes(auditLog));
      routes.add(
          new SearchRoutes(
              archive, gallery, index::nameOf, thresholds, analysis, config.limits(), audit));
      routes.add(
          ClusterRoutes.of(config, archive, thresholds, gallery, audit, sync::syncOnce, clock));
      routes.add(
          new VideoRoutes(
              config.indexDir().isBlank()
                  ? IndexedVideos.none()
                  : new IndexedVideos(java.nio.file.Path.of(config.indexDir())),
              index::nameOf));
      LiveEvents events =
          LiveEvents.start(
              config.events(),
              config.kafka(),
              PersonDirectory.of(sync::isLoaded, id -> index.nameOf(id).isPresent()),
              registry,
              health,
              clock);
      opened.push(events);
      routes.add(events.routes());
      List<StreamStatusSource> statusSources = new ArrayList<>(cameras);
      if (!config.ingestStatus().isEmpty()) {
        IngestStatusPoller poller =
            new IngestStatusPoller(
                config.ingestStatus(),
                config.events().statusToken(),
                config.events().statusTimeout());
        opened.push(poller);
        poller.start(config.events().statusInterval());
        statusSources.add(poller);
      }
      routes.add(
          new CameraRoutes(statusSources, events.store()::cameras, events.tracks()::cameras));
      ApiServer server = ApiServer.start(config, gate, routes, registry, health);
      opened.push(server);
      health.started();
      if (keys.isEmpty()) {
        log.warn(
            "No API key in {}: every endpoint but health will refuse; create one with"
                + " `facetrail api-keys create --role admin NAME`",
            keys.file());
      }
      return new ApiService(server, opened, keys);
    } catch (RuntimeException e) {
      Closing.all(opened, "the API");
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  public URI loopbackUri() {
    return server.loopbackUri();
  }

  /** Every route served, as {@code METHOD /path/{param}}. */
  public List<String> routes() {
    return server.routes();
  }

  public ApiKeyStore keys() {
    return keys;
  }

  @Override
  public void close() {
    Closing.all(opened, "the API");
  }
}
