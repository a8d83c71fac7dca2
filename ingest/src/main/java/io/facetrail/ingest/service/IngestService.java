package io.facetrail.ingest.service;

import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.IngestEngine;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.engine.StreamState;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured streams until they have all ended (files) or the service is closed (live
 * sources run until then), with the HTTP endpoint and progress reporting around them.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);
  public static final String NAME = "ingest";

  private final IngestEngine engine;
  private final ServiceEndpoint endpoint;
  private final ProgressReporter progress;
  private final List<StreamHandle> handles = new ArrayList<>();

  private IngestService(IngestEngine engine, ServiceEndpoint endpoint, ProgressReporter progress) {
    this.engine = engine;
    this.endpoint = endpoint;
    this.progress = progress;
  }

  /**
   * Creates the frames topic if needed, starts the endpoint and every configured stream.
   *
   * @param kafka the Kafka to use (the configuration's, or an in-process broker's)
   * @param terminal whether to draw a progress bar instead of logging status lines
   * @throws io.facetrail.runtime.kafka.KafkaUnavailableException when Kafka cannot be reached
   */
  public static IngestService start(IngestConfig config, KafkaSettings kafka, boolean terminal) {
    List<SourceSpec> sources = config.sources();
    PrometheusMeterRegistry registry = ServiceMetrics.create(NAME);
    Health health = new Health();
    ServiceEndpoint endpoint =
        config.http().enabled()
            ? ServiceEndpoint.start(NAME, config.http(), registry, health)
            : null;
    IngestEngine engine = null;
    try {
      TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().frames()));
      engine = IngestEngine.builder().setKafka(kafka).optMeterRegistry(registry).build();
      IngestEngine running = engine;
      ProgressReporter progress =
          new ProgressReporter(running::streams, config.statusInterval(), terminal);
      IngestService service = new IngestService(engine, endpoint, progress);
      health.readinessCheck("streams", service::streamsHealth);
      if (endpoint != null) {
        endpoint.api(
            "/api/streams",
            ex ->
                ServiceEndpoint.respond(
                    ex,
                    200,
                    "application/json",
                    StatusJson.statuses(
                        running.streams().stream().map(StreamHandle::status).toList())));
      }
      for (SourceSpec spec : sources) {
        service.handles.add(engine.start(spec));
      }
      progress.start();
      health.started();
      return service;
    } catch (RuntimeException e) {
      if (engine != null) {
        engine.close();
      }
      if (endpoint != null) {
        endpoint.close();
      }
      throw e;
    }
  }

  /** Ready while at least one stream has not failed (an idle service with no streams is ready). */
  private Health.Status streamsHealth() {
    long failed = 0;
    long running = 0;
    for (StreamHandle h : handles) {
      var outcome = h.completion().getNow(null);
      if (outcome != null && outcome.reason() == EndReason.FAILED) {
        failed++;
      } else if (h.status().state() != StreamState.ENDED) {
        running++;
      }
    }
    String detail = running + " running, " + failed + " failed of " + handles.size();
    return handles.isEmpty() || failed < handles.size()
        ? Health.Status.up(detail)
        : Health.Status.down(detail);
  }

  /** The streams, in configuration order. */
  public List<StreamHandle> streams() {
    return List.copyOf(handles);
  }

  /** The port of the HTTP endpoint, or -1 when it is disabled. */
  public int httpPort() {
    return endpoint == null ? -1 : endpoint.port();
  }

  /** Waits until every stream has ended and returns their outcomes, in configuration order. */
  public List<StreamOutcome> awaitAll() throws InterruptedException {
    List<StreamOutcome> outcomes = new ArrayList<>();
    for (StreamHandle h : handles) {
      try {
        outcomes.add(h.completion().get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("stream completions never fail", e);
      }
    }
    progress.close(); // the final progress line goes before any summary
    return outcomes;
  }

  /** Stops every stream (each ends with a STOPPED record), then the endpoint. */
  @Override
  public void close() {
    progress.close();
    engine.close();
    if (endpoint != null) {
      endpoint.close();
    }
    log.info("Ingest service stopped");
  }
}
