package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a child to be ready: a service's {@code /health/ready}, the broker's ready line. */
final class Readiness {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Readiness() {}

  /** True when {@code http://127.0.0.1:PORT/health/ready} answers 200 (status UP). */
  static boolean ready(int port) throws InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(3))
            .build();
    try {
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      // Not listening yet (starting) or no longer (killed): not ready.
      return false;
    }
  }

  /** Waits until the service on {@code port} is ready, or fails naming its log. */
  static void awaitReady(String name, Process p, int port, Duration timeout, Path log)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready(port)) {
      failIfGone(name, p, log);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " not ready within " + timeout.toSeconds() + " s (log: " + log + ")");
      }
      Thread.sleep(200);
    }
  }

  /**
   * Waits until {@code log} contains {@code line} after its first {@code from} characters (a
   * restarted process appends to the log of its predecessor, whose ready line must not count), or
   * fails naming it.
   */
  static void awaitLogLine(
      String name, Process p, Path log, long from, String line, Duration timeout)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(Files.exists(log) && Files.readString(log).substring((int) from).contains(line))) {
      failIfGone(name, p, log);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " not ready within " + timeout.toSeconds() + " s (log: " + log + ")");
      }
      Thread.sleep(200);
    }
  }

  private static void failIfGone(String name, Process p, Path log) {
    if (!p.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + p.exitValue() + " before it was ready (log: " + log + ")");
    }
  }
}
