package io.facetrail.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a service (the JDK's own server: the endpoint serves a handful of requests per
 * second and needs no framework).
 */
public final class ServiceEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServiceEndpoint.class);

  /** How long {@link #close()} waits for requests in progress. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpSettings settings;

  private ServiceEndpoint(HttpServer server, ExecutorService executor, HttpSettings settings) {
    this.server = server;
    this.executor = executor;
    this.settings = settings;
  }

  /** Starts serving metrics and health; add API handlers with {@link #api}. */
  public static ServiceEndpoint start(
      String service, HttpSettings settings, PrometheusMeterRegistry registry, Health health) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
      ExecutorService executor =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, service + "-http");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      ServiceEndpoint endpoint = new ServiceEndpoint(server, executor, settings);
      HttpHandler metrics =
          ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
      server.createContext(
          "/metrics", settings.protectMetrics() ? endpoint.authenticated(metrics) : metrics);
      server.createContext(
          "/health/live",
          ex ->
              respond(
                  ex,
                  health.isLive() ? 200 : 503,
                  "application/json",
                  statusJson(health.isLive(), Map.of())));
      server.createContext(
          "/health/ready",
          ex -> {
            Map<String, Health.Status> checks = health.readiness();
            boolean ready = health.isLive() && checks.values().stream().allMatch(Health.Status::up);
            respond(ex, ready ? 200 : 503, "application/json", statusJson(ready, checks));
          });
      server.start();
      log.info(
          "{} serves /metrics and /health on http://{}:{}",
          service,
          settings.host(),
          endpoint.port());
      return endpoint;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " for "
              + service
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Serves an API under {@code path}; every request must carry the bearer token. */
  public void api(String path, HttpHandler handler) {
    if (!settings.hasToken()) {
      log.warn("API {} is disabled: set http.apiToken to enable it", path);
      server.createContext(
          path, ex -> respond(ex, 404, "text/plain", "API disabled: no token configured\n"));
      return;
    }
    server.createContext(path, authenticated(handler));
  }

  private HttpHandler authenticated(HttpHandler handler) {
    byte[] expected = ("Bearer " + settings.apiToken().reveal()).getBytes(StandardCharsets.UTF_8);
    return ex -> {
      String given = ex.getRequestHeaders().getFirst("Authorization");
      // Constant-time comparison: the token must not leak through response timing.
      if (given == null
          || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
        respond(ex, 401, "text/plain", "unauthorised\n");
        return;
      }
      handler.handle(ex);
    };
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Writes a complete response. */
  public static void respond(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String statusJson(boolean up, Map<String, Health.Status> checks) {
    StringBuilder sb =
        new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":{");
    boolean first = true;
    for (var e : checks.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"')
          .append(escape(e.getKey()))
          .append("\":{\"status\":\"")
          .append(e.getValue().up() ? "UP" : "DOWN")
          .append("\",\"detail\":\"")
          .append(escape(e.getValue().detail()))
          .append("\"}");
    }
    return sb.append("}}\n").toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : String.valueOf(s).toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Stops listening (the port is free again) and ends the request threads: the server does not own
   * the executor it was given, so without this a closed endpoint's threads lived on, two per
   * endpoint opened (tests and the all-in-one open many).
   */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("HTTP requests still running {} after close; interrupting them", CLOSE_TIMEOUT);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
