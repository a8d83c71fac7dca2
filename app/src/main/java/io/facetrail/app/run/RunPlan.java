package io.facetrail.app.run;

import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.tracker.track.TrackingParameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stages' configurations of one all-in-one run, from one {@link RunConfig}: the stages'
 * built-in defaults, the run's {@code --config} file, {@code FACETRAIL_*} variables (the services'
 * names), {@code --set}, and then the run's own options where given ({@code --detection}'s {@code
 * faces.*} settings, {@code --device}, {@code --model}, {@code --fpir}, {@code --far}): each option
 * is the setting it stands for, given last. What the run decides itself is set over that, typed:
 * the in-process broker, no HTTP endpoints, the run's consumer group and Streams application, the
 * gallery of {@code --gallery}. The configuration is validated once, every problem of every stage
 * listed at once by its full key.
 *
 * @param embedder the embedder's configuration
 * @param matcher the matcher's configuration (the tracker runs in its Streams application)
 * @param tracking the tracker's parameters
 */
public record RunPlan(EmbedderConfig embedder, MatcherConfig matcher, TrackingParameters tracking) {
  /** The Streams application of the tracker and the matcher. */
  static final String STREAMS_APP = "facetrail-run";

  /** The embedder's consumer group. */
  static final String EMBEDDER_GROUP = "facetrail-run-embedder";

  /**
   * The plan of run {@code s} against the in-process broker at {@code bootstrapServers}, which is
   * known once the broker runs: the plan is made then.
   *
   * @param env the environment ({@code FACETRAIL_*} variables)
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem
   */
  public static RunPlan of(RunSettings s, String bootstrapServers, Map<String, String> env) {
    RunConfig c =
        RunConfig.loader()
            .load(s.config().file(), env, settings(s), rc -> compose(rc, s, bootstrapServers));
    return new RunPlan(c.embedder(), c.matcher(), c.tracker().tracking());
  }

  /**
   * The effective configuration of run {@code s} as YAML, what {@code --print-config} shows: every
   * stage's settings after every source and the run's options, secrets masked; the settings the run
   * decides itself ({@link RunConfig#loader()}) are left out, so that the output is a valid {@code
   * --config} file. Nothing is started.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem
   */
  public static String effectiveYaml(RunSettings s, Map<String, String> env) {
    return RunConfig.loader()
        .effectiveYaml(s.config().file(), env, settings(s), rc -> compose(rc, s, NO_BROKER));
  }

  /**
   * The settings given on the command line, by full key, later ones winning: {@code --set}'s, then
   * the run's options that were given ({@code --detection}'s {@code faces.*} settings, {@code
   * --device}, {@code --model}, {@code --fpir}, {@code --far}), which thus win over {@code --set}.
   */
  static Map<String, String> settings(RunSettings s) {
    Map<String, String> all = new LinkedHashMap<>(s.config().sets());
    s.detection().settings().forEach((k, v) -> all.put("embedder." + k, v));
    if (s.device() != null) {
      // --device was checked when parsed (an error naming the option); here it is its setting,
      // given like --set so that --print-config shows it and it has the one precedence.
      all.put("embedder.faces.device", s.device().toString());
    }
    if (s.embeddingModel() != null) {
      all.put("embedder.faces.embeddingModel", s.embeddingModel().toString());
    }
    if (s.rate().fpir() != null) {
      all.put("matcher.decision.fpir", Double.toString(s.rate().fpir()));
    }
    if (s.rate().falseAcceptRate() != null) {
      all.put("matcher.decision.falseAcceptRate", Double.toString(s.rate().falseAcceptRate()));
    }
    return all;
  }

  /**
   * The matcher's configuration as {@link #of} makes it, for work done before the broker runs
   * ({@code index} re-deciding the track archive and reading it): its Kafka settings name no broker
   * and are not to be used.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem
   */
  public static MatcherConfig matcherBeforeStart(RunSettings s, Map<String, String> env) {
    return beforeStart(s, env).matcher();
  }

  /**
   * The plan as {@link #of} makes it, for what is decided before the broker runs (the settings an
   * index records with each timeline): its Kafka settings name no broker and are not to be used.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem
   */
  public static RunPlan beforeStart(RunSettings s, Map<String, String> env) {
    return of(s, NO_BROKER, env);
  }

  /** The bootstrap address of {@link #matcherBeforeStart}: nothing listens there. */
  private static final String NO_BROKER = "127.0.0.1:9";

  /**
   * Where the run's gallery is: the {@code --gallery} target over the matcher's configured gallery
   * settings (e.g. {@code matcher.gallery.redis.keyPrefix}), as its matcher will use it. Known
   * before the broker runs, so that the gallery is checked, or read, before anything starts.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem of the
   *     run's configuration
   */
  public static GallerySettings gallery(RunSettings s, Map<String, String> env) {
    return matcherBeforeStart(s, env).gallery();
  }

  private static RunConfig compose(RunConfig c, RunSettings s, String servers) {
    EmbedderConfig embedder = embedder(c.embedder(), servers);
    return c.withEmbedder(embedder).withMatcher(matcher(c.matcher(), s, embedder));
  }

  private static EmbedderConfig embedder(EmbedderConfig c, String servers) {
    // Only the topic prefix is the configured one: the rest of a cluster's client settings
    // (security, partitions) would not fit the in-process broker.
    return c.withKafka(KafkaSettings.local(servers, c.kafka().topicPrefix()))
        .withHttp(c.http().disabled())
        .withConsumer(c.consumer().withIdentity(EMBEDDER_GROUP, "run"));
  }

  private static MatcherConfig matcher(MatcherConfig c, RunSettings s, EmbedderConfig embedder) {
    GallerySettings gallery = s.gallery().applyTo(c.gallery());
    // A trained embedder's folder declares which models its codes may meet: with it among the
    // matcher's models, a v2 embedder is matched against a gallery enrolled with v1.
    Path embeddingModel = embedder.faces().embeddingModel();
    if (embeddingModel != null) {
      gallery = gallery.withModel(embeddingModel);
    }
    return c.withKafka(embedder.kafka())
        .withApplication(STREAMS_APP, s.workDir().resolve("streams").toString())
        .withGallery(gallery)
        .withHttp(c.http().disabled());
  }
}
