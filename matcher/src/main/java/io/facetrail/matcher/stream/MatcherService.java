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
import io.facetrail.runtime.streams.StreamsHost;
import io.facetrail.runtime.streams.StreamsPart;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher as a running service: the gallery store and its synchronised index, the Streams
 * application (exactly-once v2, dead letters in the transaction) hosted by {@link StreamsHost},
 * metrics and health. A composer may hand it other stages' {@link StreamsPart}s to run in the same
 * application (the app's {@code facetrail matcher} with {@code tracker.hosted}); the matcher does
 * not know what they are.
 */
public final class MatcherService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MatcherService.class);

  private final MatcherWiring wiring;
  private final StreamsHost host;
  private final ServiceEndpoint endpoint;
  private final RetroactivePublishing retroactive;

  private MatcherService(
      MatcherWiring wiring,
      StreamsHost host,
      ServiceEndpoint endpoint,
      RetroactivePublishing retroactive) {
    this.wiring = wiring;
    this.host = host;
    this.endpoint = endpoint;
    this.retroactive = retroactive;
  }

  /** Starts the service and waits until Streams is ready (at most {@code startTimeout}). */
  public static MatcherService start(MatcherConfig config, Clock clock, Duration startTimeout) {
    return start(config, clock, startTimeout, MatcherWiring.thresholds(config), List.of());
  }

  /** As {@link #start(MatcherConfig, Clock, Duration)}, with thresholds from elsewhere. */
  public static MatcherService start(
      MatcherConfig config, Clock clock, Duration startTimeout, Thresholds thresholds) {
    return start(config, clock, startTimeout, thresholds, List.of());
  }

  /**
   * Starts the service with {@code hosted} parts in its Streams application, and waits until it is
   * ready.
   *
   * @param hosted other stages' processors to run in this application, added before the matcher's
   * @throws io.facetrail.runtime.streams.StreamsStartException when Streams is not ready within
   *     {@code startTimeout} (everything started is closed again)
   */
  public static MatcherService start(
      MatcherConfig config,
      Clock clock,
      Duration startTimeout,
      Thresholds thresholds,
      List<? extends StreamsPart> hosted) {
    PrometheusMeterRegistry registry = ServiceMetrics.create("matcher");
    TopicRegistry topics = config.kafka().topics();
    List<Topic<?, ?>> needed =
        new ArrayList<>(
            List.of(topics.tracks(), topics.identity(), topics.deadLetters(Stage.MATCHER)));
    // Failed records go to the dead-letter topic of the stage that reads their source topic.
    Map<String, StreamsDeadLetters.Route> routes = new LinkedHashMap<>();
    for (StreamsPart part : hosted) {
      needed.addAll(part.topics());
      routes.putAll(part.deadLetterRoutes());
    }
    TopicAdmin.ensureTopics(config.kafka(), List.copyOf(byName(needed).values()));
    MatcherWiring wiring = MatcherWiring.open(config, thresholds, clock, registry);
    ServiceEndpoint endpoint = null;
    RetroactivePublishing retroactive = null;
    try {
      Map<String, Object> props =
          KafkaClients.streams(config.kafka(), config.applicationId(), config.stateDir());
      props.putAll(
          StreamsDeadLetters.properties(
              Stage.MATCHER, topics.deadLetters(Stage.MATCHER).name(), routes, registry));
      StreamsBuilder builder = new StreamsBuilder();
      for (StreamsPart part : hosted) {
        part.addTo(builder, registry);
      }
      MatcherTopology.addTo(builder, topics, wiring.dependencies());
      Health health = new Health();
      GallerySync sync = wiring.sync();
      GalleryIndex index = wiring.index();
      Gallery gallery = wiring.gallery();
      health.readinessCheck(
          "gallery",
          () ->
              sync.isFresh()
                  ? Health.Status.up(index.personCount() + " persons")
                  : Health.Status.down("gallery not reached recently: " + gallery.describe()));
      endpoint =
          config.http().enabled()
              ? ServiceEndpoint.start("matcher", config.http(), registry, health)
              : null;
      StreamsHost host =
          StreamsHost.builder("matcher", builder.build(), props)
              .health(health)
              .clientMetrics(registry)
              .start(startTimeout);
      health.started();
      if (config.archive().redecide() && wiring.archive().isPresent()) {
        retroactive = RetroactivePublishing.start(config, wiring, thresholds, clock, registry);
      }
      log.info(
          "Matcher {} on {} with {} ({} hosted part(s)): state {}",
          config.applicationId(),
          config.kafka().bootstrapServers(),
          gallery.describe(),
          hosted.size(),
          host.state());
      log.info(
          "Track archive: {}",
          wiring.archive().map(a -> a.describe()).orElse("off (archive.store: OFF)"));
      return new MatcherService(wiring, host, endpoint, retroactive);
    } catch (RuntimeException e) {
      if (retroactive != null) {
        retroactive.close();
      }
      if (endpoint != null) {
        endpoint.close();
      }
      wiring.close();
      throw e;
    }
  }

  /** The topics without repeats (a hosted part may name a topic the matcher needs too). */
  private static Map<String, Topic<?, ?>> byName(List<Topic<?, ?>> topics) {
    Map<String, Topic<?, ?>> out = new LinkedHashMap<>();
    topics.forEach(t -> out.putIfAbsent(t.name(), t));
    return out;
  }

  public KafkaStreams.State state() {
    return host.state();
  }

  /** Blocks until the Streams application stops: closed, or shut down after repeated failures. */
  public void awaitStopped() throws InterruptedException {
    host.awaitStopped();
  }

  /** Whether the Streams application stopped because its threads kept failing. */
  public boolean failed() {
    return host.failed();
  }

  public boolean galleryFresh() {
    return wiring.sync().isFresh();
  }

  /** Persons in this matcher's gallery index: what its decisions see now. */
  public int galleryPersons() {
    return wiring.index().personCount();
  }

  @Override
  public void close() {
    if (retroactive != null) {
      retroactive.close();
    }
    host.close();
    wiring.close();
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
