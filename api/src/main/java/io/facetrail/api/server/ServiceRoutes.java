package io.facetrail.api.server;

import io.facetrail.api.access.Role;
import io.facetrail.runtime.http.Health;
import io.javalin.Javalin;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every FaceTrail service serves (health, metrics) and what describes the API itself (the
 * OpenAPI document); {@code /} leads to the console.
 */
final class ServiceRoutes implements ApiRoutes {
  /** The OpenAPI document on the class path, checked against the routes by the tests. */
  static final String OPENAPI_RESOURCE = "/io/facetrail/api/server/openapi.yaml";

  private final PrometheusMeterRegistry registry;
  private final Health health;
  private final boolean protectMetrics;
  private final byte[] openApi;

  ServiceRoutes(PrometheusMeterRegistry registry, Health health, boolean protectMetrics) {
    this.registry = registry;
    this.health = health;
    this.protectMetrics = protectMetrics;
    this.openApi = read(OPENAPI_RESOURCE);
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/console/"));
    app.get(
        "/health/live",
        ctx -> ctx.status(health.isLive() ? 200 : 503).json(Map.of("live", health.isLive())));
    app.get(
        "/health/ready",
        ctx -> {
          Map<String, Health.Status> checks = health.readiness();
          boolean ready = health.isLive() && checks.values().stream().allMatch(Health.Status::up);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("ready", ready);
          Map<String, Object> each = new LinkedHashMap<>();
          checks.forEach((k, v) -> each.put(k, Map.of("up", v.up(), "detail", v.detail())));
          body.put("checks", each);
          ctx.status(ready ? 200 : 503).json(body);
        });
    RouteRole[] metricsRoles = protectMetrics ? new RouteRole[] {Role.VIEWER} : new RouteRole[0];
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()),
        metricsRoles);
    app.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
  }

  private static byte[] read(String resource) {
    try (InputStream in = ServiceRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
