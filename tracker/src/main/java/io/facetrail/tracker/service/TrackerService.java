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
import io.facetrail.tracker.stream.TrackerTopology;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running tracker: one Kafka Streams application (exactly-once v2) with its topics ensured, its
 * dead-letter handlers, metrics and health endpoint.
 */
public final class TrackerService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TrackerService.class);

  private final KafkaStreams streams;
  private final ServiceEndpoint endpoint;
  private final KafkaStreamsMetrics streamsMetrics;
  private final Health health;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private TrackerService(
      KafkaStreams streams,
      ServiceEndpoint endpoint,
      KafkaStreamsMetrics streamsMetrics,
      Health health) {
    this.streams = streams;
    this.endpoint = endpoint;
    this.streamsMetrics = streamsMetrics;
    this.health = health;
  }

  /** Creates missing topics and starts the application; returns once it is starting. */
  public static TrackerService start(TrackerConfig config) {
    PrometheusMeterRegistry registry = ServiceMetrics.create("tracker");
    TopicRegistry topics = config.kafka().topics();
    List<Topic<?, ?>> needed =
        List.of(topics.faces(), topics.tracks(), topics.deadLetters(Stage.TRACKER));
    TopicAdmin.ensureTopics(config.kafka(), needed);
    Properties props = new Properties();
    props.putAll(
        KafkaClients.streams(
            config.kafka(), config.streams().applicationId(), config.streams().stateDir()));
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.TRACKER, topics.deadLetters(Stage.TRACKER).name(), registry));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streams().threads());
    KafkaStreams streams =
        new KafkaStreams(TrackerTopology.build(topics, config.tracking(), registry), props);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    Health health = new Health();
    health.readinessCheck(
        "kafka-streams",
        () ->
            streams.state() == KafkaStreams.State.RUNNING
                ? Health.Status.up("running")
                : Health.Status.down(streams.state().name()));
    ServiceEndpoint endpoint =
        config.http().enabled()
            ? ServiceEndpoint.start("tracker", config.http(), registry, health)
            : null;
    TrackerService service = new TrackerService(streams, endpoint, streamsMetrics, health);
    streams.setUncaughtExceptionHandler(service::onFatal);
    streams.setStateListener(
        (now, before) -> {
          log.info("Tracker streams {} -> {}", before, now);
          if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            service.stopped.countDown();
          }
        });
    log.info(
        "Tracker starting: {} -> {} as {} ({} thread(s))",
        topics.faces().name(),
        topics.tracks().name(),
        config.streams().applicationId(),
        config.streams().threads());
    streams.start();
    return service;
  }

  private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onFatal(Throwable e) {
    // Bad records never get here (they go to the dead-letter topic): this is infrastructure or a
    // bug, and a supervisor restart is the right answer. Exactly-once makes the restart safe.
    log.error("Tracker stream thread failed; shutting down for a restart", e);
    health.fatal("stream thread failed: " + e.getClass().getSimpleName());
    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /** Waits until the application is RUNNING. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || stopped.getCount() == 0) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Blocks until the application stops (closed, or failed). */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Whether the application stopped because of a failure. */
  public boolean failed() {
    return !health.isLive();
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
    if (!streams.close(Duration.ofSeconds(30))) {
      log.warn("Tracker streams did not stop within 30 s");
    }
    streamsMetrics.close();
    if (endpoint != null) {
      endpoint.close();
    }
    stopped.countDown();
  }
}
