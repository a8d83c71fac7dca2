package io.facetrail.api.cameras;

import io.facetrail.runtime.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream status of ingest services, read from their {@code GET /api/streams} on a background
 * thread every {@code interval}, each request bounded by {@code timeout}. Callers get the last
 * answers at once; the streams of a service that stopped answering are shown {@code unreachable}.
 */
public final class IngestStatusPoller implements StreamStatusSource, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestStatusPoller.class);

  /** The largest status answer read (a few hundred bytes per stream). */
  static final int MAX_BODY_BYTES = 4 << 20;

  private record Answer(List<CameraStatus> streams, boolean reachable) {}

  private final List<URI> urls;
  private final Secret token;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<URI, Answer> answers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  public IngestStatusPoller(List<String> urls, Secret token, Duration timeout) {
    this.urls = urls.stream().map(URI::create).toList();
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "facetrail-api-ingest-status");
              t.setDaemon(true);
              return t;
            });
  }

  /** Reads every URL now, then every {@code interval}. */
  public void start(Duration interval) {
    timer.scheduleWithFixedDelay(this::pollAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public List<CameraStatus> streams() {
    List<CameraStatus> out = new ArrayList<>();
    for (URI url : urls) {
      Answer a = answers.get(url);
      if (a != null) {
        a.streams().forEach(s -> out.add(a.reachable() ? s : s.unreachable()));
      }
    }
    return out;
  }

  /** One round over every URL (the background thread's work; tests call it directly). */
  void pollAll() {
    for (URI url : urls) {
      try {
        answers.put(url, new Answer(fetch(url), true));
      } catch (IOException | IllegalArgumentException e) {
        Answer before = answers.get(url);
        if (before == null || before.reachable()) {
          log.warn("Ingest status {} unreachable: {}", url, e.getMessage());
        }
        answers.put(url, new Answer(before == null ? List.of() : before.streams(), false));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private List<CameraStatus> fetch(URI url) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).GET();
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token.reveal());
    }
    HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode());
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new IOException("the answer is larger than " + MAX_BODY_BYTES + " bytes");
      }
      return IngestStatusJson.parse(body);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
