package io.facetrail.api.service;

import io.facetrail.api.access.ApiKeyStore;
import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real API service on a free loopback port with the real face models, its gallery, keys and audit
 * log in a test folder, and a key per role; plus the HTTP calls the tests make.
 */
final class ApiTestServer implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  final ApiService service;
  final Path dir;
  final Map<Role, String> keys = new HashMap<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiTestServer(Path dir, Map<String, String> settings) {
    this.dir = dir;
    Map<String, String> all = new HashMap<>();
    all.put("http.port", "0");
    all.put("gallery.store", "LOCAL");
    all.put("gallery.localDir", dir.resolve("gallery").toString());
    all.put("access.keysFile", dir.resolve("keys.json").toString());
    all.put("access.auditFile", dir.resolve("audit.jsonl").toString());
    all.put("events.enabled", "false");
    all.putAll(settings);
    ApiConfig config = ApiConfig.loader().load(null, Map.of(), all);
    ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"), Clock.systemUTC());
    for (Role r : Role.values()) {
      keys.put(r, store.create("test-" + r.id(), r).token());
    }
    service = ApiService.start(config, FaceAnalyzers.open(), Clock.systemUTC());
  }

  URI uri(String path) {
    return service.loopbackUri().resolve(path);
  }

  HttpRequest.Builder request(String path, Role role) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    if (role != null) {
      b.header("Authorization", "Bearer " + keys.get(role));
    }
    return b;
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path, Role role) {
    return send(request(path, role).GET().build());
  }

  Response post(String path, Role role, Multipart form) {
    return send(
        request(path, role)
            .header("Content-Type", form.contentType())
            .POST(form.publisher())
            .build());
  }

  Response postJson(String path, Role role, String json) {
    return send(
        request(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A response with its body parsed as JSON when it is JSON. */
  record Response(HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
