package io.facetrail.api.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The API's request meters, every series registered at start (dashboards and alerts see zeros, not
 * gaps): request time by outcome class, and refusals by reason. Labels stay few on purpose: a route
 * label would grow with every path an unauthenticated scanner tries.
 */
final class RequestMetrics {
  private final Map<String, Timer> byOutcome;
  private final Map<Integer, Counter> refused;

  RequestMetrics(MeterRegistry registry) {
    byOutcome =
        Map.of(
            "success", timer(registry, "success"),
            "client_error", timer(registry, "client_error"),
            "server_error", timer(registry, "server_error"));
    refused =
        Map.of(
            401, refusal(registry, "unauthenticated"),
            403, refusal(registry, "forbidden"),
            413, refusal(registry, "too_large"),
            429, refusal(registry, "rate_limited"));
  }

  private static Timer timer(MeterRegistry registry, String outcome) {
    return Timer.builder("facetrail.api.requests")
        .description("API requests answered (live event streams excluded), by outcome class")
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter refusal(MeterRegistry registry, String reason) {
    return Counter.builder("facetrail.api.refused")
        .description(
            "API requests refused: no or a wrong key, a missing role or CSRF token, over a size"
                + " limit, over the rate limit")
        .tag("reason", reason)
        .register(registry);
  }

  void record(int status, float millis) {
    String outcome = status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
    byOutcome.get(outcome).record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    Counter c = refused.get(status);
    if (c != null) {
      c.increment();
    }
  }
}
