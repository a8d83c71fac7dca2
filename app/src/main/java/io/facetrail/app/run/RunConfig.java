package io.facetrail.app.run;

import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.tracker.service.TrackerConfig;

/**
 * The configuration of an all-in-one run ({@code run}, {@code index}): every stage's, one section
 * each, in one key space. A section holds what the stage's service reads from its own file, with
 * the service's defaults: {@code embedder.faces.minScore} is the embedder's {@code faces.minScore},
 * {@code tracker.tracking.minHits} the tracker's {@code tracking.minHits}, {@code
 * matcher.decision.fpir} the matcher's {@code decision.fpir}. {@code FACETRAIL_*} variables keep
 * the services' names ({@code FACETRAIL_DECISION_FPIR} sets {@code matcher.decision.fpir}).
 *
 * <p>What the run decides itself (its in-process broker, its consumer group and Streams
 * application, no endpoints, the gallery of {@code --gallery}) is refused in {@code --config} and
 * {@code --set}, naming the key and the reason ({@link #loader()}).
 *
 * @param embedder the embedder's configuration
 * @param tracker the tracker's parameters
 * @param matcher the matcher's configuration
 */
public record RunConfig(EmbedderConfig embedder, RunTracker tracker, MatcherConfig matcher)
    implements Validated {
  static final String BROKER = "the run uses its own in-process broker";
  static final String NO_ENDPOINT =
      "the run's stages serve no HTTP endpoint (run --serve PORT serves the API and console)";
  static final String GROUP =
      "the run names its embedder's consumer group itself (" + RunPlan.EMBEDDER_GROUP + ")";
  static final String STREAMS =
      "the run's tracker and matcher are the Streams application "
          + RunPlan.STREAMS_APP
          + ", its state in the work folder (--work-dir)";
  static final String MATCHER_KAFKA =
      "the matcher reads the run's own broker under the embedder's topic prefix"
          + " (embedder.kafka.topicPrefix)";
  static final String GALLERY = "the run's gallery is given with --gallery DIR|URL";

  /**
   * The loader: the embedder's, tracker's and matcher's built-in defaults under their sections, the
   * settings the run decides itself fixed.
   */
  public static ConfigLoader<RunConfig> loader() {
    ConfigLoader<RunConfig> l =
        ConfigLoader.composed(RunConfig.class)
            .withSection(
                "embedder",
                EmbedderConfig.class,
                EmbedderConfig.class,
                "embedder-defaults.yaml",
                "")
            .withSection(
                "tracker",
                RunTracker.class,
                TrackerConfig.class,
                "tracker-defaults.yaml",
                "tracking")
            .withSection(
                "matcher", MatcherConfig.class, MatcherConfig.class, "matcher-defaults.yaml", "");
    for (String k :
        new String[] {
          "bootstrapServers",
          "partitions",
          "replicationFactor",
          "properties",
          "secrets",
          "retention"
        }) {
      l = l.withFixed("embedder.kafka." + k, BROKER);
    }
    l =
        l.withFixed("embedder.http", NO_ENDPOINT)
            .withFixed("embedder.consumer.groupId", GROUP)
            .withFixed("embedder.consumer.instanceId", GROUP)
            .withFixed("matcher.kafka", MATCHER_KAFKA)
            .withFixed("matcher.applicationId", STREAMS)
            .withFixed("matcher.stateDir", STREAMS)
            .withFixed("matcher.http", NO_ENDPOINT)
            .withFixed("matcher.gallery.store", GALLERY)
            .withFixed("matcher.gallery.localDir", GALLERY);
    for (String k : new String[] {"host", "port", "tls", "database"}) {
      l = l.withFixed("matcher.gallery.redis." + k, GALLERY);
    }
    return l;
  }

  /** This configuration with another embedder's. */
  RunConfig withEmbedder(EmbedderConfig e) {
    return new RunConfig(e, tracker, matcher);
  }

  /** This configuration with another matcher's. */
  RunConfig withMatcher(MatcherConfig m) {
    return new RunConfig(embedder, tracker, m);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(embedder, ConfigProblems.path(path, "embedder"));
    problems.section(tracker, ConfigProblems.path(path, "tracker"));
    problems.section(matcher, ConfigProblems.path(path, "matcher"));
  }
}
