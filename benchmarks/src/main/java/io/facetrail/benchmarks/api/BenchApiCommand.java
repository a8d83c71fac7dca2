package io.facetrail.benchmarks.api;

import io.facetrail.api.access.ApiKeyStore;
import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiService;
import io.facetrail.faces.synthetic.SyntheticFaces;
import io.facetrail.matcher.enrol.Enroller;
import io.facetrail.matcher.enrol.EnrolmentRules;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.TopicAdmin;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code facetrail bench api}: identify-a-photo latency and live event delivery over HTTP. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the HTTP API on this machine: p50/p95/p99 of identify-a-photo (real models, LFW"
          + " photos, a gallery of --persons persons: LFW persons enrolled from photos plus"
          + " synthetic ones) with 1 and more concurrent callers, and the delivery latency of live"
          + " identity events (published on an in-process broker's identity topic) to"
          + " --sse-clients Server-Sent-Events clients.",
      "Prints one JSON object per result line, each with its configuration."
    })
public final class BenchApiCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(
      names = "--lfw",
      required = true,
      paramLabel = "DIR",
      description = "The LFW folder (lfw-deepfunneled inside)")
  Path lfw;

  @Option(
      names = "--persons",
      defaultValue = "1000",
      description = "Persons in the gallery (default ${DEFAULT-VALUE})")
  int persons;

  @Option(
      names = "--requests",
      defaultValue = "100",
      description = "Identify requests per measurement (default ${DEFAULT-VALUE})")
  int requests;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "1,4",
      description = "Concurrent identify callers, measured side by side (default ${DEFAULT-VALUE})")
  List<Integer> clients;

  @Option(
      names = "--sse-clients",
      defaultValue = "50",
      description = "Live event clients (default ${DEFAULT-VALUE})")
  int sseClients;

  @Option(
      names = "--events",
      defaultValue = "300",
      description = "Events published (default ${DEFAULT-VALUE})")
  int events;

  @Option(
      names = "--event-rate",
      defaultValue = "20",
      description = "Events per second (default ${DEFAULT-VALUE})")
  double eventRate;

  @Option(names = "--skip-sse", description = "Measure identify only")
  boolean skipSse;

  @Override
  public Integer call() throws Exception {
    Path photos = lfw.resolve("lfw-deepfunneled");
    if (!Files.isDirectory(photos)) {
      throw new UserFacingException("no lfw-deepfunneled folder in " + lfw);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = Files.createTempDirectory("facetrail-bench-api");
    try (EmbeddedKafkaBroker broker = skipSse ? null : EmbeddedKafkaBroker.startEphemeral()) {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("http.port", "0");
      settings.put("gallery.store", "LOCAL");
      settings.put("gallery.localDir", dir.resolve("gallery").toString());
      settings.put("access.keysFile", dir.resolve("keys.json").toString());
      settings.put("access.auditFile", dir.resolve("audit.jsonl").toString());
      settings.put("access.requestsPerMinute", "1000000");
      settings.put("events.enabled", Boolean.toString(!skipSse));
      if (broker != null) {
        settings.put("kafka.bootstrapServers", broker.bootstrapServers());
      }
      ApiConfig config = ApiConfig.loader().load(null, Map.of(), settings);
      if (broker != null) {
        TopicAdmin.ensureTopics(config.kafka(), config.kafka().topics().all());
      }
      err.println("bench api: enrolling the gallery");
      List<Path> queries = new ArrayList<>();
      String personId = fillGallery(config, photos, queries);
      String key =
          new ApiKeyStore(dir.resolve("keys.json"), Clock.systemUTC())
              .create("bench", Role.ADMIN)
              .token();
      try (ApiService api = ApiService.start(config, FaceAnalyzers.open(), Clock.systemUTC())) {
        URI base = api.loopbackUri();
        // Warm-up: the models' first passes and the JIT.
        IdentifyBench.run(base, key, queries, 1, Math.min(10, requests));
        for (int c : clients) {
          IdentifyBench.Result r = IdentifyBench.run(base, key, queries, c, requests);
          Map<String, Object> line = config("identify", c);
          line.put("requests", requests);
          line.put("failures", r.failures());
          line.put("p50Ms", Percentiles.round(r.latencyMs().at(50)));
          line.put("p95Ms", Percentiles.round(r.latencyMs().at(95)));
          line.put("p99Ms", Percentiles.round(r.latencyMs().at(99)));
          line.put("requestsPerSecond", Percentiles.round(requests / r.seconds()));
          out.println(JSON.writeValueAsString(line));
          out.flush();
        }
        if (broker != null) {
          LiveEventsBench.Result r =
              LiveEventsBench.run(
                  base,
                  key,
                  config.kafka(),
                  config.kafka().topics().identity().name(),
                  personId,
                  sseClients,
                  events,
                  eventRate,
                  () -> sseClients(base, key));
          Map<String, Object> line = config("sse", sseClients);
          line.put("events", r.expected());
          line.put("eventsPerSecond", eventRate);
          line.put("deliveries", r.latencyMs().count());
          line.put("lost", r.lost());
          line.put("duplicated", r.duplicated());
          line.put("p50Ms", Percentiles.round(r.latencyMs().at(50)));
          line.put("p95Ms", Percentiles.round(r.latencyMs().at(95)));
          line.put("p99Ms", Percentiles.round(r.latencyMs().at(99)));
          line.put("maxMs", Percentiles.round(r.latencyMs().at(100)));
          out.println(JSON.writeValueAsString(line));
          out.flush();
        }
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return 0;
  }

  private Map<String, Object> config(String op, int clients) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", "api");
    m.put("op", op);
    m.put("clients", clients);
    m.put("galleryPersons", persons);
    m.put("processors", Runtime.getRuntime().availableProcessors());
    m.put("at", Instant.now().toString());
    return m;
  }

  /**
   * Enrols 20 LFW persons with several photos from their first two photos (their later photos are
   * the queries), then synthetic persons up to {@code --persons}.
   *
   * @return the id of one enrolled person (named in the live events)
   */
  private String fillGallery(ApiConfig config, Path photos, List<Path> queries) throws Exception {
    List<Path> people;
    try (Stream<Path> all = Files.list(photos)) {
      people = all.filter(p -> countPhotos(p) >= 4).sorted().limit(20).toList();
    }
    String anyId = null;
    try (Gallery gallery = GalleryStores.open(config.gallery(), Clock.systemUTC());
        FaceAnalyzer analyzer = FaceAnalyzers.open()) {
      Enroller enroller =
          new Enroller(analyzer, gallery, new EnrolmentRules(0.3, true), Clock.systemUTC());
      for (Path person : people) {
        List<Path> files;
        try (Stream<Path> s = Files.list(person)) {
          files = s.sorted().toList();
        }
        Enroller.Result r =
            enroller.enrolNew(
                person.getFileName().toString().replace('_', ' '), files.subList(0, 2));
        if (anyId == null && r.person().isPresent()) {
          anyId = r.person().get().id();
        }
        queries.addAll(files.subList(2, 4));
      }
      SyntheticFaces synthetic = SyntheticFaces.standard(7);
      List<PersonRecord> records = new ArrayList<>();
      Instant now = Instant.now();
      for (int i = people.size(); i < persons; i++) {
        Person p = new Person("synthetic-" + i, "Synthetic " + i, Map.of(), now, now);
        List<StoredCode> codes = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
          codes.add(
              new StoredCode(
                  "s" + i + "-" + j, "dlib-r29-v1", synthetic.code(i, j), "synthetic", now));
        }
        records.add(new PersonRecord(p, codes));
      }
      if (!records.isEmpty()) {
        gallery.importPersons(records);
      }
    }
    if (anyId == null) {
      throw new UserFacingException("no LFW person could be enrolled from " + photos);
    }
    return anyId;
  }

  private static long countPhotos(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The SSE clients the server counts (its metric), 0 until it exposes one. */
  private static int sseClients(URI base, String key) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve("/metrics"))
                      .header("Authorization", "Bearer " + key)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      for (String line : r.body().split("\n")) {
        if (line.startsWith("facetrail_api_sse_clients")) {
          return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return 0;
    } catch (java.io.IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
