package io.facetrail.deploy.metrics;

import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.deploy.RepositoryFiles;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.embedder.service.EmbedderService;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.ingest.service.IngestService;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherService;
import io.facetrail.outbound.config.MqttSettings;
import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.outbound.config.WebhookSettings;
import io.facetrail.outbound.service.OutboundService;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.facetrail.tracker.service.TrackerConfig;
import io.facetrail.tracker.service.TrackerService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four pipeline services, the HTTP API and outbound started in this JVM through their public
 * service classes, against an in-process Kafka broker, each with the container configuration of
 * {@code docker/config/} and only the addresses, ports and folders changed. Their {@code /metrics}
 * endpoints are then what a Prometheus in the Compose stack would scrape.
 */
final class InProcessPipeline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InProcessPipeline.class);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final Map<String, URI> metrics = new LinkedHashMap<>();
  private EmbeddedKafkaBroker broker;
  private KafkaSettings kafka;
  private IngestService ingest;
  private ApiService api;

  /**
   * Starts the broker, the tracker, the matcher, the embedder, the API and outbound (with a webhook
   * receiver on loopback); ingest comes later.
   */
  static InProcessPipeline start(Path work) {
    InProcessPipeline p = new InProcessPipeline();
    try {
      p.startAll(work);
      return p;
    } catch (RuntimeException | Error e) {
      p.close();
      throw e;
    }
  }

  private void startAll(Path work) {
    broker = EmbeddedKafkaBroker.startEphemeral();
    resources.push(broker);
    String bootstrap = broker.bootstrapServers();

    TrackerConfig tracker =
        TrackerConfig.loader()
            .load(
                containerConfig("tracker"),
                Map.of(),
                overrides(
                    bootstrap, 0, "streams.stateDir", work.resolve("tracker-state").toString()));
    TrackerService trackerService = TrackerService.start(tracker);
    resources.push(trackerService);
    metrics.put("tracker", metricsUri(trackerService.httpPort()));

    int matcherPort = freePort();
    Map<String, String> m =
        overrides(bootstrap, matcherPort, "stateDir", work.resolve("matcher-state").toString());
    // The local gallery: the same meters as Redis, without a server to clean up after.
    m.put("gallery.store", "LOCAL");
    m.put("gallery.localDir", work.resolve("gallery").toString());
    MatcherConfig matcher = MatcherConfig.loader().load(containerConfig("matcher"), Map.of(), m);
    resources.push(MatcherService.start(matcher, Clock.systemUTC(), Duration.ofMinutes(2)));
    metrics.put("matcher", metricsUri(matcherPort));

    // The API on the matcher's gallery, with its keys, audit log and index folder in this test's
    // folder instead of the container's volumes; the face models from the developer's cache.
    Map<String, String> a = overrides(bootstrap, 0, "gallery.store", "LOCAL");
    a.put("gallery.localDir", work.resolve("gallery").toString());
    a.put("access.keysFile", work.resolve("api-keys.json").toString());
    a.put("access.auditFile", work.resolve("audit.jsonl").toString());
    a.put("indexDir", work.resolve("index").toString());
    ApiConfig apiConfig = ApiConfig.loader().load(containerConfig("api"), Map.of(), a);
    api = ApiService.start(apiConfig, FaceAnalyzers.open(), Clock.systemUTC());
    resources.push(api);
    metrics.put("api", metricsUri(api.port()));

    // Outbound with the container file's settings, its MQTT target (a broker the container would
    // reach by name) replaced by a webhook to a receiver on loopback.
    WebhookReceiver receiver = WebhookReceiver.start();
    resources.push(receiver);
    OutboundConfig container =
        OutboundConfig.loader()
            .load(containerConfig("outbound"), Map.of(), overrides(bootstrap, 0));
    MqttSettings m0 = container.mqtt();
    OutboundConfig outbound =
        container
            .withMqtt(
                new MqttSettings(
                    false,
                    m0.serverUri(),
                    m0.clientId(),
                    m0.username(),
                    m0.password(),
                    m0.topicPrefix(),
                    m0.qos(),
                    m0.retain(),
                    m0.keepAlive(),
                    m0.connectTimeout(),
                    m0.reconnect(),
                    m0.queueCapacity()))
            .withWebhooks(
                List.of(WebhookSettings.of(receiver.uri(), Secret.of("deploy-it-webhook-secret"))));
    OutboundService outboundService = OutboundService.start(outbound);
    resources.push(outboundService);
    metrics.put("outbound", metricsUri(outboundService.httpPort()));

    Map<String, String> e =
        overrides(
            bootstrap,
            0,
            "faces.modelsDir",
            ModelCache.defaultDir(System.getenv()).toAbsolutePath().toString());
    e.put("consumer.instanceId", "deploy-it");
    EmbedderConfig embedder =
        EmbedderConfig.loader().load(containerConfig("embedder"), Map.of(), e);
    PrometheusMeterRegistry registry = ServiceMetrics.create("embedder");
    Health health = new Health();
    // As `facetrail embedder` does: the endpoint first, so readiness reports the warm-up.
    ServiceEndpoint endpoint = ServiceEndpoint.start("embedder", embedder.http(), registry, health);
    resources.push(endpoint);
    metrics.put("embedder", metricsUri(endpoint.port()));
    resources.push(EmbedderService.start(embedder, registry, health));
    kafka = embedder.kafka();
    log.info("Tracker, matcher, embedder, API and outbound running against {}", bootstrap);
  }

  /** Starts ingest with the streams of {@code config} (a YAML file). */
  IngestService startIngest(Path config) {
    IngestConfig c =
        IngestConfig.loader().load(config, Map.of(), overrides(broker.bootstrapServers(), 0));
    ingest = IngestService.start(c, c.kafka(), false);
    resources.push(ingest);
    metrics.put("ingest", metricsUri(ingest.httpPort()));
    return ingest;
  }

  /** The running API (its keys, its loopback address). */
  ApiService api() {
    return api;
  }

  /** The Kafka settings the services use (topic names, bootstrap servers). */
  KafkaSettings kafka() {
    return kafka;
  }

  /** Service name to its {@code /metrics} URI. */
  Map<String, URI> metricsEndpoints() {
    return Map.copyOf(metrics);
  }

  private static Path containerConfig(String service) {
    return RepositoryFiles.docker().resolve("config").resolve(service + ".yaml");
  }

  private static Map<String, String> overrides(String bootstrap, int port, String... more) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("kafka.bootstrapServers", bootstrap);
    o.put("http.host", "127.0.0.1");
    o.put("http.port", Integer.toString(port));
    for (int i = 0; i + 1 < more.length; i += 2) {
      o.put(more[i], more[i + 1]);
    }
    return o;
  }

  private static URI metricsUri(int port) {
    return URI.create("http://127.0.0.1:" + port + "/metrics");
  }

  /** A free port, for the matcher, whose service class does not report the port it bound. */
  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
