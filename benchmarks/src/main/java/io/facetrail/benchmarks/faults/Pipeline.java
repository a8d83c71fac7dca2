package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run's processes: a broker on a fresh data directory (so no run sees another's topics, offsets
 * or transactions), the embedder, tracker and matcher on fresh state directories, each on a spare
 * port, and ingest of the video. A restarted service gets the same ports, state and log file
 * (appended), as a supervisor restarting it in place would.
 */
final class Pipeline implements AutoCloseable {
  /** The long-running services the suite starts, stops and kills. */
  enum Service {
    BROKER,
    EMBEDDER,
    TRACKER,
    MATCHER
  }

  static final String BROKER_READY = "Kafka broker ready";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final ChildProcesses children;
  private final Path dir;
  private final int kafkaPort;
  private final Map<Service, Integer> httpPorts = new EnumMap<>(Service.class);
  private final Map<Service, Process> running = new EnumMap<>(Service.class);
  private final String detection;
  private final String archivePrefix;
  private Process ingest;

  /**
   * @param dir this run's folder: broker data, state directories, logs
   * @param detection the embedder's {@code --detection} profile
   * @param archivePrefix the matcher's track-archive key prefix, of this run only (clusters of
   *     unknown faces are built from the archive: a shared one would carry a run's tracks into the
   *     next)
   */
  Pipeline(ChildProcesses children, Path dir, String detection, String archivePrefix)
      throws IOException {
    this.children = children;
    this.dir = Files.createDirectories(dir);
    this.detection = detection;
    this.archivePrefix = archivePrefix;
    this.kafkaPort = sparePort();
    for (Service s : List.of(Service.EMBEDDER, Service.TRACKER, Service.MATCHER)) {
      httpPorts.put(s, sparePort());
    }
  }

  /** A free loopback port (free when asked; nothing else on this machine picks ports this way). */
  static int sparePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  Path dir() {
    return dir;
  }

  Path log(Service s) {
    return dir.resolve(s.name().toLowerCase(java.util.Locale.ROOT) + ".log");
  }

  /** Starts the broker, then the three stages, and waits until each is ready. */
  void startAll() throws IOException, InterruptedException {
    start(Service.BROKER);
    for (Service s : List.of(Service.EMBEDDER, Service.TRACKER, Service.MATCHER)) {
      start(s);
    }
    for (Service s : List.of(Service.EMBEDDER, Service.TRACKER, Service.MATCHER)) {
      awaitReady(s);
    }
  }

  /** Starts one service (the broker: waits until it accepts clients). */
  void start(Service s) throws IOException, InterruptedException {
    long logged = Files.exists(log(s)) ? Files.readString(log(s)).length() : 0;
    Process p = children.facetrail(log(s), args(s));
    running.put(s, p);
    if (s == Service.BROKER) {
      Readiness.awaitLogLine("broker", p, log(s), logged, BROKER_READY, START_TIMEOUT);
    }
  }

  /** Waits for a stage's {@code /health/ready}. */
  void awaitReady(Service s) throws InterruptedException {
    Readiness.awaitReady(
        s.name().toLowerCase(java.util.Locale.ROOT),
        running.get(s),
        httpPorts.get(s),
        START_TIMEOUT,
        log(s));
  }

  int httpPort(Service s) {
    return httpPorts.get(s);
  }

  boolean ready(Service s) throws InterruptedException {
    return Readiness.ready(httpPorts.get(s));
  }

  /** A service that exited without being stopped or killed by the suite, or null if none did. */
  String exited() {
    for (var e : running.entrySet()) {
      if (!e.getValue().isAlive()) {
        return e.getKey().name().toLowerCase(java.util.Locale.ROOT)
            + " exited on its own with "
            + e.getValue().exitValue()
            + " (log: "
            + log(e.getKey())
            + ")";
      }
    }
    return null;
  }

  /** SIGKILL. */
  void kill(Service s) throws InterruptedException {
    ChildProcesses.kill(running.remove(s));
  }

  /** SIGTERM (a clean stop), SIGKILL after 30 s. */
  void stop(Service s) throws InterruptedException {
    Process p = running.remove(s);
    if (p != null) {
      ChildProcesses.stop(p, 30);
    }
  }

  private List<String> args(Service s) {
    List<String> a = new ArrayList<>();
    switch (s) {
      case BROKER -> {
        a.addAll(List.of("broker", "--port", Integer.toString(kafkaPort)));
        a.addAll(List.of("--data-dir", dir.resolve("kafka").toString()));
      }
      case EMBEDDER -> {
        a.addAll(List.of("embedder", "--detection", detection));
        a.addAll(set("http.port", httpPorts.get(s)));
      }
      case TRACKER -> {
        a.add("tracker");
        a.addAll(set("http.port", httpPorts.get(s)));
        a.addAll(set("streams.stateDir", dir.resolve("tracker-state")));
      }
      case MATCHER -> {
        a.add("matcher");
        a.addAll(set("http.port", httpPorts.get(s)));
        a.addAll(set("stateDir", dir.resolve("matcher-state")));
        a.addAll(set("archive.store", "REDIS"));
        a.addAll(set("archive.redis.keyPrefix", archivePrefix));
      }
    }
    if (s != Service.BROKER) {
      a.addAll(set("kafka.bootstrapServers", bootstrapServers()));
    }
    return a;
  }

  private static List<String> set(String key, Object value) {
    return List.of("--set", key + "=" + value);
  }

  /** Starts ingest of {@code video} at {@code fps}; it exits at the end of the file. */
  Process startIngest(Path video, double fps) throws IOException {
    List<String> a = new ArrayList<>(List.of("ingest", video.toString(), "--fps", fps + ""));
    a.addAll(List.of("--bootstrap-servers", bootstrapServers()));
    a.addAll(List.of("--http-port", Integer.toString(sparePort())));
    ingest = children.facetrail(dir.resolve("ingest.log"), a);
    return ingest;
  }

  @Override
  public void close() throws InterruptedException {
    if (ingest != null && ingest.isAlive()) {
      ChildProcesses.kill(ingest);
    }
    // Stages first, the broker last, as docs/SERVICES.md says to stop them.
    for (Service s : List.of(Service.EMBEDDER, Service.TRACKER, Service.MATCHER, Service.BROKER)) {
      stop(s);
    }
  }
}
