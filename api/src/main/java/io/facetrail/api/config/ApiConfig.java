package io.facetrail.api.config;

import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.util.List;

/**
 * Everything {@code facetrail serve} needs: where it listens, the gallery and decision rules (the
 * matcher's own settings, so the API decides as the matcher does), the broker whose identity and
 * tracks topics feed live events, who may call it, request limits, where index outputs are, and
 * which ingest services report camera status.
 *
 * @param http where the API and console listen ({@code http.apiToken} is not used: API keys are)
 * @param kafka the broker of the identity and tracks topics; {@code events.enabled} false: none
 * @param gallery the gallery the persons endpoints edit and photos are identified against
 * @param decision the decision rules (FPIR, margin) identification applies
 * @param access API keys, audit log, sessions, rate limits, CORS
 * @param limits request bounds
 * @param events the live event feed
 * @param indexDir the folder {@code facetrail index} writes to (empty: no indexed videos)
 * @param ingestStatus status URLs of ingest services ({@code http://host:port/api/streams})
 * @param archive the track archive searched by {@code /api/v1/search} (the matcher's setting: by
 *     default beside the gallery)
 * @param clusters how the archive's unknown tracks are clustered for {@code /api/v1/clusters} (the
 *     matcher's setting, so the API finds the clusters the matcher forms)
 */
public record ApiConfig(
    HttpSettings http,
    KafkaSettings kafka,
    GallerySettings gallery,
    DecisionSettings decision,
    AccessSettings access,
    LimitSettings limits,
    EventSettings events,
    String indexDir,
    List<String> ingestStatus,
    ArchiveSettings archive,
    ClusterSettings clusters)
    implements Validated {
  public ApiConfig {
    ingestStatus = ingestStatus == null ? List.of() : List.copyOf(ingestStatus);
    indexDir = indexDir == null ? "" : indexDir;
    if (gallery != null
        && gallery.store() == GallerySettings.Store.LOCAL
        && (gallery.localDir() == null || gallery.localDir().isBlank())) {
      // The gallery of run, index and the gallery commands when none is named.
      gallery = GalleryTarget.defaultLocal().applyTo(gallery);
    }
  }

  /** The loader with the built-in defaults ({@code api-defaults.yaml}). */
  public static ConfigLoader<ApiConfig> loader() {
    return new ConfigLoader<>(ApiConfig.class, "api-defaults.yaml");
  }

  public ApiConfig withGallery(GallerySettings g) {
    return new ApiConfig(
        http,
        kafka,
        g,
        decision,
        access,
        limits,
        events,
        indexDir,
        ingestStatus,
        archive,
        clusters);
  }

  public ApiConfig withKafka(KafkaSettings k) {
    return new ApiConfig(
        http,
        k,
        gallery,
        decision,
        access,
        limits,
        events,
        indexDir,
        ingestStatus,
        archive,
        clusters);
  }

  public ApiConfig withDecision(DecisionSettings d) {
    return new ApiConfig(
        http, kafka, gallery, d, access, limits, events, indexDir, ingestStatus, archive, clusters);
  }

  /** These settings clustering as {@code c} (a run's own matcher settings, for its console). */
  public ApiConfig withClusters(ClusterSettings c) {
    return new ApiConfig(
        http, kafka, gallery, decision, access, limits, events, indexDir, ingestStatus, archive, c);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(http, ConfigProblems.path(path, "http"));
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.section(gallery, ConfigProblems.path(path, "gallery"));
    problems.section(decision, ConfigProblems.path(path, "decision"));
    problems.section(access, ConfigProblems.path(path, "access"));
    problems.section(limits, ConfigProblems.path(path, "limits"));
    problems.section(events, ConfigProblems.path(path, "events"));
    problems.section(archive, ConfigProblems.path(path, "archive"));
    problems.section(clusters, ConfigProblems.path(path, "clusters"));
    for (String url : ingestStatus) {
      problems.require(
          url.startsWith("http://") || url.startsWith("https://"),
          ConfigProblems.path(path, "ingestStatus"),
          "a status URL is http(s)://host:port/api/streams, not " + url);
    }
  }
}
