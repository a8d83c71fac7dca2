package io.facetrail.app.hosting;

import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.streams.StateDirectory;
import java.time.Duration;

/**
 * Configuration of {@code facetrail matcher}: every setting of {@link MatcherConfig} (its file
 * keeps the matcher's shape, so deployments' {@code matcher.yaml} and {@code FACETRAIL_*} variables
 * are unchanged) and the {@code tracker} section of the hosted tracker. Defaults: the matcher's
 * {@code matcher-defaults.yaml}, then {@code hosted-tracker-defaults.yaml} here.
 *
 * <p>The components repeat {@link MatcherConfig}'s by name because the configuration file is flat;
 * {@code MatcherServiceConfigTest} fails when the two drift apart.
 *
 * @param kafka as {@link MatcherConfig#kafka()}
 * @param applicationId as {@link MatcherConfig#applicationId()}
 * @param stateDir as {@link MatcherConfig#stateDir()}
 * @param gallery as {@link MatcherConfig#gallery()}
 * @param decision as {@link MatcherConfig#decision()}
 * @param pendingCheck as {@link MatcherConfig#pendingCheck()}
 * @param http as {@link MatcherConfig#http()}
 * @param archive as {@link MatcherConfig#archive()}
 * @param clusters as {@link MatcherConfig#clusters()}
 * @param tracker whether the matcher's application also runs the tracker
 */
public record MatcherServiceConfig(
    KafkaSettings kafka,
    String applicationId,
    String stateDir,
    GallerySettings gallery,
    DecisionSettings decision,
    Duration pendingCheck,
    HttpSettings http,
    ArchiveSettings archive,
    ClusterSettings clusters,
    HostedTracker tracker)
    implements Validated {

  /** An empty {@code stateDir} is the per-user default ({@link StateDirectory}). */
  public MatcherServiceConfig {
    stateDir = StateDirectory.orDefault(stateDir, applicationId);
  }

  /** The loader: the matcher's defaults and the hosted tracker's. */
  public static ConfigLoader<MatcherServiceConfig> loader() {
    return ConfigLoader.extending(
            MatcherServiceConfig.class, MatcherConfig.class, "matcher-defaults.yaml")
        .withDefaults(MatcherServiceConfig.class, "hosted-tracker-defaults.yaml");
  }

  /** The matcher's own settings. */
  public MatcherConfig matcher() {
    return new MatcherConfig(
        kafka, applicationId, stateDir, gallery, decision, pendingCheck, http, archive, clusters);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    matcher().validate(problems, path);
    problems.section(tracker, ConfigProblems.path(path, "tracker"));
  }
}
