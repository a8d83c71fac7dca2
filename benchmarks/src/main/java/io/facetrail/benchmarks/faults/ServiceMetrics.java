package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** Reads one series family from a service's {@code /metrics} (Prometheus text format). */
final class ServiceMetrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServiceMetrics() {}

  /**
   * The sum of every series of {@code family} (all label sets), empty when the service does not
   * answer or has no such family.
   */
  static OptionalDouble sum(int port, String family) throws InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .build();
    String body;
    try {
      HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return OptionalDouble.empty();
      }
      body = r.body();
    } catch (IOException e) {
      // The service is gone or not listening: nothing to report, said as "empty".
      return OptionalDouble.empty();
    }
    return sumOf(body, family);
  }

  static OptionalDouble sumOf(String text, String family) {
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith(family + " ") || line.startsWith(family + "{")) {
        String[] parts = line.trim().split("\\s+");
        sum += Double.parseDouble(parts[parts.length - 1]);
        found = true;
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
