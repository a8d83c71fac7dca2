package io.facetrail.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import io.facetrail.api.service.ApiService;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.service.IngestService;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.testing.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric a Grafana dashboard queries is in the real {@code /metrics} output of the services.
 * The four pipeline services, the HTTP API and outbound run in this JVM on the in-process broker
 * with their container configuration; a folder of real face photos goes through ingest, the
 * embedder (real models), the tracker and the matcher until an identity event comes out, a missing
 * file makes ingest count an error, one undecodable record per stage makes each count a dead
 * letter, outbound delivers the identity event to a webhook receiver on loopback, and the API
 * answers an anonymous request, a listing and an identification of the same photo with a key, so
 * that the meters created on first use exist too. Then each endpoint is scraped over HTTP and every
 * panel's PromQL is checked. The same test holds the services' exposition to Prometheus's rules:
 * every FaceTrail series of the embedder, tracker and matcher is there from the start (scraped
 * before the first frame; dead letters by error class excepted), and {@code promtool check metrics}
 * finds nothing wrong with FaceTrail's families (HELP text on every one, names, types).
 */
class DashboardMetricsIT {
  private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);
  private static final byte[] UNDECODABLE =
      "not a FaceTrail record".getBytes(StandardCharsets.UTF_8);

  /** Where the last scrape of each service is written (under the module's target folder). */
  private static final Path SCRAPES = Path.of("target", "scraped-metrics");

  /**
   * The one family allowed to appear after the start: dead letters by error class, which is known
   * only when a record fails (the per-stage count, facetrail_dead_letters_total, is there at 0).
   */
  private static final String ERRORS_BY_CLASS = "facetrail_dead_letter_errors_total";

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path work;

  @Test
  void everyMetricTheDashboardsQueryIsExported() throws Exception {
    Path lfw = SharedData.requireLfw();
    Path ingestConfig = ingestConfig(lfw);
    List<DashboardQuery> queries = new ArrayList<>();
    Dashboards.files().forEach(f -> queries.addAll(Dashboards.queries(f)));

    String promtool = PromTool.require();
    try (InProcessPipeline pipeline = InProcessPipeline.start(work)) {
      Map<String, String> atStart = new LinkedHashMap<>();
      for (Map.Entry<String, URI> e : pipeline.metricsEndpoints().entrySet()) {
        atStart.put(e.getKey(), scrape(e.getValue()));
      }
      IngestService ingest = pipeline.startIngest(ingestConfig);
      List<StreamOutcome> outcomes = ingest.awaitAll();
      assertThat(outcomes)
          .extracting(StreamOutcome::reason)
          .containsExactly(EndReason.COMPLETED, EndReason.FAILED);
      sendUndecodableRecords(pipeline);
      callTheApi(pipeline.api(), photo(lfw));
      Map<String, List<Sample>> scraped = awaitPipelineMeters(pipeline.metricsEndpoints());
      assertThat(queries).as("dashboard queries").hasSizeGreaterThan(20);

      List<String> problems = new MetricCoverage(scraped).problems(queries);
      assertThat(problems).as("dashboard queries without a matching exported series").isEmpty();

      for (String service : atStart.keySet()) {
        Set<String> late = series(scraped.get(service));
        late.removeAll(series(Exposition.parse(atStart.get(service))));
        late.removeIf(id -> id.startsWith(ERRORS_BY_CLASS));
        assertThat(late).as(service + " series that were not there from the start").isEmpty();
      }
      for (String service : scraped.keySet()) {
        String last = Files.readString(SCRAPES.resolve(service + ".prom"));
        for (String text : List.of(last, atStart.getOrDefault(service, last))) {
          assertThat(PromTool.check(promtool, PromTool.faceTrailFamilies(text)))
              .as("promtool check metrics over " + service + "'s facetrail_ families")
              .isEmpty();
        }
      }
    }
  }

  /**
   * A folder with one LFW photo six times (a face that stays put: one track) and a missing file.
   */
  private Path ingestConfig(Path lfw) throws IOException {
    Path photo = photo(lfw);
    Path frames = Files.createDirectories(work.resolve("frames"));
    for (int i = 0; i < 6; i++) {
      Files.copy(photo, frames.resolve(String.format("%03d.jpg", i)));
    }
    Path config = work.resolve("ingest.yaml");
    Files.writeString(
        config,
        "streams:\n"
            + "  - id: lobby\n"
            + "    input: "
            + frames
            + "\n"
            + "  - id: gone\n"
            + "    input: "
            + work.resolve("missing.mp4")
            + "\n");
    return config;
  }

  private static Path photo(Path lfw) throws IOException {
    Path person = lfw.resolve("lfw-deepfunneled").resolve("Aaron_Eckhart");
    try (Stream<Path> files = Files.list(person)) {
      return files.sorted().findFirst().orElseThrow();
    }
  }

  /**
   * What a console does first: a request without a key (refused), the persons with a viewer key,
   * then an identification of a real photo against the (empty) gallery, through the face models.
   */
  private void callTheApi(ApiService api, Path photo) throws IOException, InterruptedException {
    URI base = api.loopbackUri();
    String token = api.keys().create("deploy-it", Role.VIEWER).token();
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/persons")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    HttpResponse<String> persons =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/persons"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(persons.statusCode()).as(persons.body()).isEqualTo(200);
    PhotoUpload upload =
        new PhotoUpload("photo", photo.getFileName().toString(), Files.readAllBytes(photo));
    HttpResponse<String> identified =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/identify"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", upload.contentType())
                .timeout(Duration.ofMinutes(1))
                .POST(upload.publisher())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(identified.statusCode()).as(identified.body()).isEqualTo(200);
    assertThat(identified.body()).contains("\"decision\":\"unknown\"");
  }

  private static void sendUndecodableRecords(InProcessPipeline pipeline) {
    TopicRegistry topics = pipeline.kafka().topics();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(pipeline.kafka(), "deploy-it-garbage"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (String topic :
          List.of(topics.frames().name(), topics.faces().name(), topics.tracks().name())) {
        producer.send(
            new ProducerRecord<>(topic, "garbage".getBytes(StandardCharsets.UTF_8), UNDECODABLE));
      }
      producer.flush();
    }
  }

  /**
   * Scrapes until the real data has been through every stage (an identity event decided, one dead
   * letter counted by each consuming service), then returns the last scrape.
   */
  private Map<String, List<Sample>> awaitPipelineMeters(Map<String, URI> endpoints)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
    Files.createDirectories(SCRAPES);
    while (true) {
      Map<String, List<Sample>> scraped = new LinkedHashMap<>();
      for (Map.Entry<String, URI> e : endpoints.entrySet()) {
        String text = scrape(e.getValue());
        // Kept for whoever edits a dashboard: the exact series each service exports.
        Files.writeString(SCRAPES.resolve(e.getKey() + ".prom"), text);
        scraped.put(e.getKey(), Exposition.parse(text));
      }
      List<String> waiting = new ArrayList<>();
      expect(waiting, scraped, "embedder", "facetrail_embedder_frames_total", 6);
      expect(waiting, scraped, "tracker", "facetrail_tracker_tracks_started_total", 1);
      expect(waiting, scraped, "matcher", "facetrail_matcher_decisions_total", 1);
      // The identity event went on to the webhook.
      expect(
          waiting,
          scraped,
          "outbound",
          "facetrail_outbound_deliveries_total",
          Map.of("result", "delivered"),
          1);
      for (String stage : List.of("embedder", "tracker", "matcher")) {
        expect(waiting, scraped, stage, "facetrail_dead_letters_total", 1);
      }
      if (waiting.isEmpty()) {
        return scraped;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the pipeline did not get through within " + PIPELINE_TIMEOUT + ": " + waiting);
      }
      Thread.sleep(500);
    }
  }

  private static void expect(
      List<String> waiting,
      Map<String, List<Sample>> scraped,
      String service,
      String metric,
      double atLeast) {
    expect(waiting, scraped, service, metric, Map.of(), atLeast);
  }

  /** As above, over the samples that carry {@code labels}. */
  private static void expect(
      List<String> waiting,
      Map<String, List<Sample>> scraped,
      String service,
      String metric,
      Map<String, String> labels,
      double atLeast) {
    double sum =
        scraped.get(service).stream()
            .filter(s -> s.name().equals(metric))
            .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
            .mapToDouble(Sample::value)
            .sum();
    if (sum < atLeast) {
      waiting.add(service + " " + metric + " = " + sum + " (want >= " + atLeast + ")");
    }
  }

  /** FaceTrail's series of a scrape, each as its name and sorted labels. */
  private static Set<String> series(List<Sample> samples) {
    Set<String> out = new TreeSet<>();
    for (Sample s : samples) {
      if (s.name().startsWith("facetrail_")) {
        out.add(s.name() + new TreeMap<>(s.labels()));
      }
    }
    return out;
  }

  private String scrape(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    return response.body();
  }
}
