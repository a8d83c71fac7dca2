package io.facetrail.tracker.service;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.facetrail.runtime.streams.StreamsHost;
import io.facetrail.tracker.stream.TrackerTopology;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running tracker: one Kafka Streams application (exactly-once v2) hosted by {@link
 * StreamsHost}, with its topics ensured, its dead-letter handlers, metrics and health endpoint.
 */
public final class TrackerService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TrackerService.class);

  /** How long {@link #start} waits for the application to be ready (stores restored). */
  public static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final StreamsHost host;
  private final ServiceEndpoint endpoint;
  private final Health health;

  private TrackerService(StreamsHost host, ServiceEndpoint endpoint, Health health) {
    this.host = host;
    this.endpoint = endpoint;
    this.health = health;
  }

  /**
   * Creates missing topics, starts the application and waits until it is ready.
   *
   * @throws io.facetrail.runtime.streams.StreamsStartException when it is not ready within {@link
   *     #START_TIMEOUT}
   */
  public static TrackerService start(TrackerConfig config) {
    PrometheusMeterRegistry registry = ServiceMetrics.create("tracker");
    TopicRegistry topics = config.kafka().topics();
    List<Topic<?, ?>> needed =
        List.of(topics.faces(), topics.tracks(), topics.deadLetters(Stage.TRACKER));
    TopicAdmin.ensureTopics(config.kafka(), needed);
    Map<String, Object> props =
        KafkaClients.streams(
            config.kafka(), config.streams().applicationId(), config.streams().stateDir());
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.TRACKER, topics.deadLetters(Stage.TRACKER).name(), registry));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streams().threads());
    Health health = new Health();
    // The endpoint is up before the application is: liveness answers while stores restore.
    ServiceEndpoint endpoint =
        config.http().enabled()
            ? ServiceEndpoint.start("tracker", config.http(), registry, health)
            : null;
    log.info(
        "Tracker starting: {} -> {} as {} ({} thread(s))",
        topics.faces().name(),
        topics.tracks().name(),
        config.streams().applicationId(),
        config.streams().threads());
    StreamsHost host;
    try {
      host =
          StreamsHost.builder(
                  "tracker", TrackerTopology.build(topics, config.tracking(), registry), props)
              .health(health)
              .clientMetrics(registry)
              .start(START_TIMEOUT);
    } catch (RuntimeException e) {
      if (endpoint != null) {
        endpoint.close();
      }
      throw e;
    }
    health.started();
    return new TrackerService(host, endpoint, health);
  }

  /** Blocks until the application stops (closed, or failed). */
  public void awaitStopped() throws InterruptedException {
    host.awaitStopped();
  }

  /** Whether the application stopped because of a failure. */
  public boolean failed() {
    return host.failed() || !health.isLive();
  }

  /** The HTTP port, or -1 when HTTP is disabled. */
  public int httpPort() {
    return endpoint == null ? -1 : endpoint.port();
  }

  public Map<String, Health.Status> readiness() {
    return health.readiness();
  }

  @Override
  public void close() {
    host.close();
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
