package io.facetrail.matcher.stream;

import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.streams.StateDirectory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of the matcher service; defaults and documentation of every setting in {@code
 * matcher-defaults.yaml}.
 *
 * @param kafka the Kafka cluster and topic prefix
 * @param applicationId the Streams application id (consumer group, state and changelog names)
 * @param stateDir where Streams keeps its local state; empty: the per-user {@link StateDirectory}
 * @param gallery the gallery store and how the index follows it
 * @param decision identity decision parameters
 * @param pendingCheck how often decisions held back during a gallery outage are retried
 * @param http metrics, health and API endpoint
 * @param archive where ended tracks are archived, for how long, and whether they are re-decided
 * @param clusters how unknown tracks are clustered (with an archive only)
 */
public record MatcherConfig(
    KafkaSettings kafka,
    String applicationId,
    String stateDir,
    GallerySettings gallery,
    DecisionSettings decision,
    Duration pendingCheck,
    HttpSettings http,
    ArchiveSettings archive,
    ClusterSettings clusters)
    implements Validated {

  /** An empty {@code stateDir} is the per-user default ({@link StateDirectory}). */
  public MatcherConfig {
    stateDir = StateDirectory.orDefault(stateDir, applicationId);
  }

  /** The loader with the built-in defaults. */
  public static ConfigLoader<MatcherConfig> loader() {
    return new ConfigLoader<>(MatcherConfig.class, "matcher-defaults.yaml");
  }

  /**
   * This configuration with {@code folder} among the gallery's trained models: the all-in-one mode
   * adds its embedder's model, so that its codes meet a gallery enrolled with another model.
   */
  public MatcherConfig withModel(Path folder) {
    return withGallery(gallery.withModel(folder));
  }

  /** This configuration against another Kafka cluster (the all-in-one run's in-process broker). */
  public MatcherConfig withKafka(KafkaSettings newKafka) {
    return new MatcherConfig(
        newKafka,
        applicationId,
        stateDir,
        gallery,
        decision,
        pendingCheck,
        http,
        archive,
        clusters);
  }

  /**
   * This configuration as another Streams application, its state in {@code newStateDir} (empty: the
   * per-user default of {@code newApplicationId}).
   */
  public MatcherConfig withApplication(String newApplicationId, String newStateDir) {
    return new MatcherConfig(
        kafka,
        newApplicationId,
        newStateDir,
        gallery,
        decision,
        pendingCheck,
        http,
        archive,
        clusters);
  }

  /** This configuration with another gallery. */
  public MatcherConfig withGallery(GallerySettings newGallery) {
    return new MatcherConfig(
        kafka,
        applicationId,
        stateDir,
        newGallery,
        decision,
        pendingCheck,
        http,
        archive,
        clusters);
  }

  /** This configuration with other decision parameters. */
  public MatcherConfig withDecision(DecisionSettings newDecision) {
    return new MatcherConfig(
        kafka,
        applicationId,
        stateDir,
        gallery,
        newDecision,
        pendingCheck,
        http,
        archive,
        clusters);
  }

  /** This configuration with another endpoint (none, in a process hosting several stages). */
  public MatcherConfig withHttp(HttpSettings newHttp) {
    return new MatcherConfig(
        kafka,
        applicationId,
        stateDir,
        gallery,
        decision,
        pendingCheck,
        newHttp,
        archive,
        clusters);
  }

  /** This configuration with another track archive. */
  public MatcherConfig withArchive(ArchiveSettings newArchive) {
    return new MatcherConfig(
        kafka,
        applicationId,
        stateDir,
        gallery,
        decision,
        pendingCheck,
        http,
        newArchive,
        clusters);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.required(applicationId, ConfigProblems.path(path, "applicationId"));
    problems.required(stateDir, ConfigProblems.path(path, "stateDir"));
    problems.section(gallery, ConfigProblems.path(path, "gallery"));
    problems.section(decision, ConfigProblems.path(path, "decision"));
    problems.require(
        pendingCheck != null && !pendingCheck.isNegative() && !pendingCheck.isZero(),
        ConfigProblems.path(path, "pendingCheck"),
        "must be positive");
    problems.section(http, ConfigProblems.path(path, "http"));
    problems.section(archive, ConfigProblems.path(path, "archive"));
    problems.section(clusters, ConfigProblems.path(path, "clusters"));
  }
}
