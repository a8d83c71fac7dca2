package io.facetrail.matcher.stream;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.sync.GallerySync;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.facetrail.tracker.stream.TrackerTopology;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher as a running service: the gallery store and its synchronised index, the Streams
 * application (exactly-once v2, dead letters in the transaction), metrics and health.
 */
public final class MatcherService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MatcherService.class);

  private final MatcherWiring wiring;
  private final KafkaStreams streams;
  private final ServiceEndpoint endpoint;
  private final KafkaStreamsMetrics streamsMetrics;

  private MatcherService(
      MatcherWiring wiring,
      KafkaStreams streams,
      ServiceEndpoint endpoint,
      KafkaStreamsMetrics streamsMetrics) {
    this.wiring = wiring;
    this.streams = streams;
    this.endpoint = endpoint;
    this.streamsMetrics = streamsMetrics;
  }

  /** Starts the service and waits until Streams runs (at most {@code startTimeout}). */
  public static MatcherService start(MatcherConfig config, Clock clock, Duration startTimeout) {
    return start(config, clock, startTimeout, MatcherWiring.thresholds(config));
  }

  /** As {@link #start(MatcherConfig, Clock, Duration)}, with thresholds from elsewhere. */
  public static MatcherService start(
      MatcherConfig config, Clock clock, Duration startTimeout, Thresholds thresholds) {
    PrometheusMeterRegistry registry = ServiceMetrics.create("matcher");
    MatcherWiring wiring = MatcherWiring.open(config, thresholds, clock, registry);
    Gallery gallery = wiring.gallery();
    GalleryIndex index = wiring.index();
    GallerySync sync = wiring.sync();
    MatcherDependencies deps = wiring.dependencies();
    TopicRegistry topics = config.kafka().topics();
    boolean hostsTracker = config.tracker().hosted();
    List<Topic<?, ?>> needed =
        new ArrayList<>(
            List.of(topics.tracks(), topics.identity(), topics.deadLetters(Stage.MATCHER)));
    if (hostsTracker) {
      needed.addAll(List.of(topics.faces(), topics.deadLetters(Stage.TRACKER)));
    }
    TopicAdmin.ensureTopics(config.kafka(), needed);
    Map<String, Object> props =
        KafkaClients.streams(config.kafka(), config.applicationId(), config.stateDir());
    // Failed records go to the dead-letter topic of the stage that reads their source topic.
    Map<String, StreamsDeadLetters.Route> routes =
        Map.of(
            topics.faces().name(),
            new StreamsDeadLetters.Route(Stage.TRACKER, topics.deadLetters(Stage.TRACKER).name()));
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.MATCHER, topics.deadLetters(Stage.MATCHER).name(), routes, registry));
    StreamsBuilder builder = new StreamsBuilder();
    if (hostsTracker) {
      TrackerTopology.addTo(builder, topics, config.tracker().tracking(), registry);
    }
    MatcherTopology.addTo(builder, topics, deps);
    KafkaStreams streams = new KafkaStreams(builder.build(), asProperties(props));
    // Kafka's own client meters (consumer lag, commit rates) next to the matcher's: dashboards and
    // the lag-based autoscaler read them.
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    // A failed stream thread is replaced: its tasks restart from the last committed transaction.
    streams.setUncaughtExceptionHandler(
        e -> {
          log.error("Matcher stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    Health health = new Health();
    health.readinessCheck(
        "kafka-streams",
        () ->
            streams.state().isRunningOrRebalancing()
                ? Health.Status.up(streams.state().name())
                : Health.Status.down(streams.state().name()));
    health.readinessCheck(
        "gallery",
        () ->
            sync.isFresh()
                ? Health.Status.up(index.personCount() + " persons")
                : Health.Status.down("gallery not reached recently: " + gallery.describe()));
    ServiceEndpoint endpoint =
        config.http().enabled()
            ? ServiceEndpoint.start("matcher", config.http(), registry, health)
            : null;
    streams.start();
    long deadline = System.nanoTime() + startTimeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      if (streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        break;
      }
      sleep(50);
    }
    log.info(
        "Matcher {} on {} with {}: state {}",
        config.applicationId(),
        config.kafka().bootstrapServers(),
        gallery.describe(),
        streams.state());
    return new MatcherService(wiring, streams, endpoint, streamsMetrics);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public boolean galleryFresh() {
    return wiring.sync().isFresh();
  }

  private static java.util.Properties asProperties(Map<String, Object> map) {
    java.util.Properties p = new java.util.Properties();
    p.putAll(map);
    return p;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    streamsMetrics.close();
    wiring.close();
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
