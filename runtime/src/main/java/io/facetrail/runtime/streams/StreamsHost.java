package io.facetrail.runtime.streams;

import io.facetrail.runtime.http.Health;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kafka Streams application: the tracker service, the matcher service (with or without
 * a hosted tracker) and the all-in-one mode all start theirs here, so they fail, report readiness
 * and stop alike.
 *
 * <ul>
 *   <li>Failures: {@link ThreadFailurePolicy} (replace a failed thread; shut the client down and
 *       turn not live when threads keep failing).
 *   <li>Ready: {@link StreamsReadiness} ({@code RUNNING}, or {@code REBALANCING} after having been
 *       {@code RUNNING}); registered as the {@value #READINESS_CHECK} check of the service's {@link
 *       Health} when one is given.
 *   <li>Start: creates the state directory, starts the client and waits, at most the given time,
 *       until it is ready; otherwise closes it and throws {@link StreamsStartException}.
 *   <li>Close: {@link #close()} waits at most {@link #CLOSE_TIMEOUT} for the threads to commit and
 *       stop; the local state stays for the next start.
 * </ul>
 */
public final class StreamsHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamsHost.class);

  /** The name of the readiness check the host adds to a service's health. */
  public static final String READINESS_CHECK = "kafka-streams";

  /** How long {@link #close()} waits for the stream threads to finish. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private static final long POLL_MILLIS = 50;

  private final String name;
  private final KafkaStreams streams;
  private final StreamsReadiness readiness;
  private final AtomicReference<Throwable> failure;
  private final KafkaStreamsMetrics clientMetrics;

  private StreamsHost(
      String name,
      KafkaStreams streams,
      StreamsReadiness readiness,
      AtomicReference<Throwable> failure,
      KafkaStreamsMetrics clientMetrics) {
    this.name = name;
    this.streams = streams;
    this.readiness = readiness;
    this.failure = failure;
    this.clientMetrics = clientMetrics;
  }

  /**
   * Starts to describe an application.
   *
   * @param name the application's name in log lines and errors ("tracker", "matcher")
   * @param topology what it runs
   * @param properties its Streams properties, {@code state.dir} included (from {@code
   *     KafkaClients.streams})
   */
  public static Builder builder(String name, Topology topology, Map<String, Object> properties) {
    return new Builder(name, topology, properties);
  }

  /** Whether the application is ready ({@link StreamsReadiness}). */
  public boolean isReady() {
    return readiness.isReady();
  }

  /** The client's current state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * A read-only view of one of the application's state stores (interactive queries), e.g. to count
   * what a processor still holds.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store cannot be
   *     queried (the application is rebalancing, restoring or stopped); ask again later
   */
  public <T> T store(StoreQueryParameters<T> query) {
    return streams.store(query);
  }

  /** Whether the client stopped because threads kept failing ({@link ThreadFailurePolicy}). */
  public boolean failed() {
    return failure.get() != null;
  }

  /**
   * Waits until the application is ready.
   *
   * @return false when {@code timeout} passed or the client stopped first
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!readiness.isReady()) {
      if (readiness.hasStopped() || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }

  /** Blocks until the client stops: closed, or shut down after repeated failures. */
  public void awaitStopped() throws InterruptedException {
    readiness.awaitStopped();
  }

  /** Closes the client (at most {@link #CLOSE_TIMEOUT}) and unbinds its meters. */
  @Override
  public void close() {
    if (!streams.close(CLOSE_TIMEOUT)) {
      log.warn("{} streams did not stop within {}", name, CLOSE_TIMEOUT);
    }
    if (clientMetrics != null) {
      clientMetrics.close();
    }
  }

  private void awaitStart(Duration timeout) {
    boolean ready;
    try {
      ready = awaitReady(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new StreamsStartException(name + " streams: interrupted while starting", e);
    }
    if (ready) {
      log.info("{} streams ready ({})", name, streams.state());
      return;
    }
    KafkaStreams.State last = streams.state();
    Throwable cause = failure.get();
    String why =
        readiness.hasStopped()
            ? "stopped while starting (state " + last + ")"
            : "not ready within " + timeout + " (state " + last + ")";
    close();
    throw new StreamsStartException(
        name + " streams " + why + (cause == null ? "" : ": " + cause), cause);
  }

  /** How to host one application; {@link #start} runs it. */
  public static final class Builder {
    private final String name;
    private final Topology topology;
    private final Map<String, Object> properties;
    private Health health;
    private MeterRegistry clientMetricsRegistry;

    private Builder(String name, Topology topology, Map<String, Object> properties) {
      this.name = Objects.requireNonNull(name, "name");
      this.topology = Objects.requireNonNull(topology, "topology");
      this.properties = Map.copyOf(properties);
    }

    /**
     * Registers the application's readiness with {@code health}, and marks the service not live
     * when the failure policy gives up.
     */
    public Builder health(Health health) {
      this.health = Objects.requireNonNull(health, "health");
      return this;
    }

    /**
     * Binds Kafka's own client meters (consumer lag, commit rates) to {@code registry}: dashboards
     * and the lag-based autoscaler read them.
     */
    public Builder clientMetrics(MeterRegistry registry) {
      this.clientMetricsRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Creates the state directory, starts the application and waits until it is ready.
     *
     * @throws StreamsStartException when the state directory cannot be created, or the application
     *     stops or is not ready within {@code startTimeout} (it is closed then)
     */
    public StreamsHost start(Duration startTimeout) {
      Path stateDir = prepareStateDir();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Health h = health;
      ThreadFailurePolicy policy =
          new ThreadFailurePolicy(
              name,
              System::nanoTime,
              e -> {
                failure.set(e);
                if (h != null) {
                  h.fatal("stream threads keep failing: " + e.getClass().getSimpleName());
                }
              });
      Map<String, Object> withMembership = new HashMap<>(properties);
      StaticMembership.apply(
          withMembership,
          String.valueOf(properties.get(StreamsConfig.APPLICATION_ID_CONFIG)),
          stateDir);
      Properties props = new Properties();
      props.putAll(withMembership);
      KafkaStreams streams = new KafkaStreams(topology, props);
      StreamsReadiness readiness = new StreamsReadiness(name);
      streams.setStateListener(readiness);
      streams.setUncaughtExceptionHandler(policy);
      KafkaStreamsMetrics clientMetrics = null;
      if (clientMetricsRegistry != null) {
        clientMetrics = new KafkaStreamsMetrics(streams);
        clientMetrics.bindTo(clientMetricsRegistry);
      }
      if (h != null) {
        h.readinessCheck(
            READINESS_CHECK,
            () ->
                readiness.isReady()
                    ? Health.Status.up(readiness.state().name())
                    : Health.Status.down(readiness.state().name()));
      }
      StreamsHost host = new StreamsHost(name, streams, readiness, failure, clientMetrics);
      log.info(
          "{} streams starting as {}", name, properties.get(StreamsConfig.APPLICATION_ID_CONFIG));
      try {
        streams.start();
      } catch (RuntimeException e) {
        host.close();
        throw e;
      }
      host.awaitStart(startTimeout);
      return host;
    }

    private Path prepareStateDir() {
      Object dir = properties.get(StreamsConfig.STATE_DIR_CONFIG);
      if (dir == null || dir.toString().isBlank()) {
        throw new IllegalArgumentException(
            name + " streams: no " + StreamsConfig.STATE_DIR_CONFIG + " in the properties");
      }
      Path path = Path.of(dir.toString());
      try {
        Files.createDirectories(path);
      } catch (IOException e) {
        throw new StreamsStartException(
            name + " streams: cannot create the state directory " + path + ": " + e, e);
      }
      if (!Files.isWritable(path)) {
        throw new StreamsStartException(
            name + " streams: the state directory " + path + " is not writable", null);
      }
      return path;
    }
  }
}
