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

  @Test
  void behindATrustedProxyEachForwardedAddressHasItsOwnLimitAndOthersCannotSpoofOne() {
    try (ApiTestServer behind =
        new ApiTestServer(
            dir.resolve("behind"),
            Map.of("access.requestsPerMinute", "3", "access.trustedProxies", "127.0.0.1"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(anonymous(behind, "203.0.113.7").status()).isEqualTo(401);
      }
      assertThat(anonymous(behind, "203.0.113.7").status()).isEqualTo(429);
      // Another client behind the same proxy is not held back by the first one's requests.
      assertThat(anonymous(behind, "198.51.100.9, 127.0.0.1").status()).isEqualTo(401);
    }
    try (ApiTestServer direct =
        new ApiTestServer(dir.resolve("direct"), Map.of("access.requestsPerMinute", "3"))) {
      // Without a trusted proxy the header is the caller's own claim: ignored.
      for (int i = 0; i < 3; i++) {
        assertThat(anonymous(direct, "203.0.113." + i).status()).isEqualTo(401);
      }
      assertThat(anonymous(direct, "203.0.113.99").status()).isEqualTo(429);
    }
  }

  private static ApiTestServer.Response anonymous(ApiTestServer api, String forwardedFor) {
    return api.send(
        api.request("/api/v1/persons", null).header("X-Forwarded-For", forwardedFor).GET().build());
  }
}
