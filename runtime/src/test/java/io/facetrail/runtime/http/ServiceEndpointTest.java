package io.facetrail.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServiceEndpointTest {
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(ServiceEndpoint e, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMetricsAndHealth() throws Exception {
    PrometheusMeterRegistry registry = ServiceMetrics.create("test");
    registry.counter("facetrail.test.things").increment(3);
    Health health = new Health();
    AtomicBoolean warm = new AtomicBoolean(false);
    health.readinessCheck(
        "models", () -> warm.get() ? Health.Status.up("warm") : Health.Status.down("warming up"));
    try (ServiceEndpoint e =
        ServiceEndpoint.start("test", HttpSettings.loopbackEphemeral(), registry, health)) {
      HttpResponse<String> metrics = get(e, "/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("facetrail_test_things_total{service=\"test\"} 3.0")
          .contains("jvm_memory");
      assertThat(get(e, "/health/live", null).statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get(e, "/health/ready", null);
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body())
          .contains("\"models\":{\"status\":\"DOWN\",\"detail\":\"warming up\"}");
      assertThat(notReady.body())
          .contains("\"startup\":{\"status\":\"DOWN\",\"detail\":\"starting\"}");
      warm.set(true);
      assertThat(get(e, "/health/ready", null).statusCode())
          .as("every check up, but the service has not said it started")
          .isEqualTo(503);
      health.started();
      assertThat(get(e, "/health/ready", null).statusCode()).isEqualTo(200);
      health.fatal("model worker failed");
      assertThat(get(e, "/health/live", null).statusCode()).isEqualTo(503);
      assertThat(get(e, "/health/ready", null).body()).contains("model worker failed");
    }
  }

  @Test
  void closingReleasesThePortAndEndsTheRequestThreads() throws Exception {
    String service = "endpoint-close-test";
    ServiceEndpoint e =
        ServiceEndpoint.start(
            service, HttpSettings.loopbackEphemeral(), ServiceMetrics.create("t"), new Health());
    int port = e.port();
    for (int i = 0; i < 4; i++) {
      assertThat(get(e, "/health/live", null).statusCode()).isEqualTo(200);
    }
    assertThat(requestThreads(service)).isNotEmpty();
    e.close();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(requestThreads(service)).isEmpty());
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private static List<Thread> requestThreads(String service) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals(service + "-http"))
        .toList();
  }

  @Test
  void apisRequireTheBearerToken() throws Exception {
    String token = "a-long-enough-token-123";
    HttpSettings settings = new HttpSettings(true, "127.0.0.1", 0, Secret.of(token), true);
    try (ServiceEndpoint e =
        ServiceEndpoint.start("test", settings, ServiceMetrics.create("t"), new Health())) {
      e.api("/api/echo", ex -> ServiceEndpoint.respond(ex, 200, "text/plain", "ok"));
      assertThat(get(e, "/api/echo", null).statusCode()).isEqualTo(401);
      assertThat(get(e, "/api/echo", "wrong").statusCode()).isEqualTo(401);
      assertThat(get(e, "/api/echo", token).body()).isEqualTo("ok");
      assertThat(get(e, "/metrics", null).statusCode()).isEqualTo(401);
      assertThat(get(e, "/metrics", token).statusCode()).isEqualTo(200);
      assertThat(get(e, "/health/live", null).statusCode()).isEqualTo(200);
    }
  }
}
