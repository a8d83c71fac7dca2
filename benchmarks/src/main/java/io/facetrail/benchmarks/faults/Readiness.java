package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** A readiness condition, asked again until it holds. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws IOException, InterruptedException;
  }

  /**
   * Asks {@code condition} every {@code pollMillis} until it holds; fails naming {@code log} when
   * the process exits first or {@code timeout} passes.
   */
  static void await(
      String name, Process p, Path log, Duration timeout, long pollMillis, Condition condition)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + p.exitValue() + " before it was ready (log: " + log + ")");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " not ready within " + timeout.toSeconds() + " s (log: " + log + ")");
      }
      Thread.sleep(pollMillis);
    }
  }

  /** Waits until the service on {@code port} is ready, or fails naming its log. */
  static void awaitReady(String name, Process p, int port, Duration timeout, Path log)
      throws InterruptedException {
    try {
      await(name, p, log, timeout, 200, () -> ready(port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    await(
        name,
        p,
        log,
        timeout,
        200,
        () -> Files.exists(log) && Files.readString(log).substring((int) from).contains(line));
  }
}
