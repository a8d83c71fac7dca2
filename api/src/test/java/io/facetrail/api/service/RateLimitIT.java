package io.facetrail.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.access.Role;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A caller over its rate limit gets 429 with Retry-After; other callers are not affected. */
class RateLimitIT {
  @TempDir Path dir;

  @Test
  void aCallerOverItsLimitIsToldWhenToComeBack() {
    try (ApiTestServer api = new ApiTestServer(dir, Map.of("access.requestsPerMinute", "5"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(api.get("/api/v1/persons", Role.VIEWER).status()).isEqualTo(200);
      }
      ApiTestServer.Response limited = api.get("/api/v1/persons", Role.VIEWER);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
      assertThat(api.get("/api/v1/persons", Role.OPERATOR).status()).isEqualTo(200);
    }
  }
}
