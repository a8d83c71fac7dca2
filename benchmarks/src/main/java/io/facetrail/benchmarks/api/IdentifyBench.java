package io.facetrail.benchmarks.api;

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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identify-a-photo over real HTTP: {@code clients} callers each sending photos one after the other,
 * latency from the request's start to its full response.
 */
final class IdentifyBench {
  /** One measurement. */
  record Result(Percentiles latencyMs, double seconds, int failures) {}

  private IdentifyBench() {}

  static Result run(URI base, String key, List<Path> photos, int clients, int requests)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<byte[]> bodies = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Path p : photos) {
      String boundary = "----bench" + UUID.randomUUID();
      byte[] head =
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
                  + "Content-Type: image/jpeg\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] photo = Files.readAllBytes(p);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[head.length + photo.length + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(photo, 0, body, head.length, photo.length);
      System.arraycopy(tail, 0, body, head.length + photo.length, tail.length);
      bodies.add(body);
      types.add("multipart/form-data; boundary=" + boundary);
    }
    double[] latencies = new double[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    int which = i % bodies.size();
                    HttpRequest req =
                        HttpRequest.newBuilder(base.resolve("/api/v1/identify?k=5"))
                            .timeout(Duration.ofMinutes(2))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", types.get(which))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(which)))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                      if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                      }
                    } catch (IOException e) {
                      failures.incrementAndGet();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(new Percentiles(latencies), seconds, failures.get());
  }
}
