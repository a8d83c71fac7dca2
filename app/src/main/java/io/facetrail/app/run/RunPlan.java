package io.facetrail.app.run;

import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.tracker.track.TrackingParameters;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stages' configurations of one all-in-one run. Each starts from what the stage's service reads
 * (its built-in defaults and {@code FACETRAIL_*} variables, and for the embedder the detection
 * profile's {@code faces.*} settings over those); what the run decides itself is set over that,
 * typed: the in-process broker, no HTTP endpoints, the run's consumer group and Streams
 * application, and the run's options (gallery, identity rate, device, trained model). Each
 * configuration is validated once, every problem listed at once.
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
    // A detection profile is named configuration (faces.* settings), applied where a user's
    // --set would be: over the file and the environment.
    EmbedderConfig embedder =
        EmbedderConfig.loader()
            .load(null, env, s.detection().settings(), c -> embedder(c, s, bootstrapServers));
    MatcherConfig matcher =
        MatcherConfig.loader().load(null, env, Map.of(), c -> matcher(c, s, embedder));
    return new RunPlan(embedder, matcher, TrackingParameters.defaults());
  }

  /**
   * The matcher's configuration as {@link #of} makes it, for work done before the broker runs
   * ({@code index} re-deciding the track archive and reading it): its Kafka settings name no broker
   * and are not to be used.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem
   */
  public static MatcherConfig matcherBeforeStart(RunSettings s, Map<String, String> env) {
    return of(s, NO_BROKER, env).matcher();
  }

  /** The bootstrap address of {@link #matcherBeforeStart}: nothing listens there. */
  private static final String NO_BROKER = "127.0.0.1:9";

  /**
   * Where the run's gallery is: the {@code --gallery} target over the matcher's configured gallery
   * settings (e.g. {@code FACETRAIL_GALLERY_REDIS_KEY_PREFIX}), as its matcher will use it. Known
   * before the broker runs, so that the gallery is checked, or read, before anything starts.
   *
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem of the
   *     matcher's configuration
   */
  public static GallerySettings gallery(RunSettings s, Map<String, String> env) {
    return MatcherConfig.loader()
        .load(null, env, Map.of(), c -> c.withGallery(s.gallery().applyTo(c.gallery())))
        .gallery();
  }

  private static EmbedderConfig embedder(EmbedderConfig c, RunSettings s, String servers) {
    FacePipelineSettings faces = c.faces().withDevice(s.device());
    if (s.embeddingModel() != null) {
      faces = faces.withEmbeddingModel(s.embeddingModel());
    }
    // Only the topic prefix is the configured one: the rest of a cluster's client settings
    // (security, partitions) would not fit the in-process broker.
    return c.withKafka(KafkaSettings.local(servers, c.kafka().topicPrefix()))
        .withHttp(c.http().disabled())
        .withConsumer(c.consumer().withIdentity(EMBEDDER_GROUP, "run"))
        .withFaces(faces);
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
        .withDecision(s.rate().applyTo(c.decision()))
        .withHttp(c.http().disabled());
  }
}
