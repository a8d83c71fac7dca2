package io.facetrail.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiPaths;
import io.facetrail.deploy.docker.Dockerfile;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.tracker.service.TrackerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration files baked into the images ({@code docker/config/}) load in the real services:
 * every key is a known setting and every value valid, as the containers will find them.
 */
class ContainerConfigTest {
  private static Path config(String service) {
    return RepositoryFiles.docker().resolve("config").resolve(service + ".yaml");
  }

  @Test
  void ingest() {
    IngestConfig c = IngestConfig.loader().load(config("ingest"), Map.of(), Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.streamId()).isEqualTo("sample");
              assertThat(s.input()).isEqualTo("/videos/sample.mp4");
              assertThat(s.live()).isFalse();
            });
  }

  @Test
  void embedder() {
    EmbedderConfig c = EmbedderConfig.loader().load(config("embedder"), Map.of(), Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.faces().modelsDir()).isEqualTo(Path.of("/models"));
    assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    // The GPU image switches the device through the environment, which wins over the file.
    EmbedderConfig gpu =
        EmbedderConfig.loader()
            .load(config("embedder"), Map.of("FACETRAIL_FACES_DEVICE", "gpu"), Map.of());
    assertThat(gpu.faces().device()).isEqualTo(DeviceSetting.parse("gpu"));
  }

  @Test
  void tracker() {
    TrackerConfig c = TrackerConfig.loader().load(config("tracker"), Map.of(), Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.streams().stateDir()).startsWith("/var/lib/facetrail/");
  }

  @Test
  void matcherTakesItsRedisPasswordFromTheEnvironment() {
    MatcherConfig c =
        MatcherConfig.loader()
            .load(
                config("matcher"),
                Map.of("FACETRAIL_GALLERY_REDIS_PASSWORD", "from-the-environment"),
                Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.stateDir()).startsWith("/var/lib/facetrail/");
    assertThat(c.gallery().store()).isEqualTo(GallerySettings.Store.REDIS);
    assertThat(c.gallery().redis().host()).isEqualTo("redis");
    assertThat(c.gallery().redis().password().reveal()).isEqualTo("from-the-environment");
  }

  @Test
  void outbound() {
    OutboundConfig c = OutboundConfig.loader().load(config("outbound"), Map.of(), Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.http().port()).isEqualTo(8087);
    assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(c.mqtt().enabled()).isTrue();
    // The operator's broker by a variable, as in the Compose file's environment if they like.
    OutboundConfig moved =
        OutboundConfig.loader()
            .load(
                config("outbound"),
                Map.of("FACETRAIL_MQTT_SERVER_URI", "ssl://broker.lan:8883"),
                Map.of());
    assertThat(moved.mqtt().serverUri()).isEqualTo("ssl://broker.lan:8883");
  }

  @Test
  void apiWithTheImagesEnvironmentKeepsKeysAndAuditOnItsVolume() {
    Dockerfile dockerfile = Dockerfile.parse(RepositoryFiles.docker().resolve("Dockerfile"));
    Map<String, String> env =
        new HashMap<>(dockerfile.variables(dockerfile.stage("api").orElseThrow()));
    env.put("FACETRAIL_GALLERY_REDIS_PASSWORD", "from-the-environment");
    env.put("FACETRAIL_EVENTS_STATUS_TOKEN", "status-token-from-the-environment");
    ApiConfig c = ApiConfig.loader().load(config("api"), env, Map.of());
    assertThat(c.http().host()).isEqualTo("0.0.0.0");
    assertThat(c.http().port()).isEqualTo(8090);
    assertThat(c.kafka().bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(c.gallery().store()).isEqualTo(GallerySettings.Store.REDIS);
    assertThat(c.gallery().redis().host()).isEqualTo("redis");
    assertThat(c.gallery().redis().password().reveal()).isEqualTo("from-the-environment");
    assertThat(ApiPaths.keysFile(c.access()))
        .isEqualTo(Path.of("/var/lib/facetrail/api-keys.json"));
    assertThat(ApiPaths.auditFile(c.access())).isEqualTo(Path.of("/var/lib/facetrail/audit.jsonl"));
    assertThat(c.indexDir()).isEqualTo("/index");
    assertThat(c.ingestStatus()).containsExactly("http://ingest:8081/api/streams");
    assertThat(c.events().statusToken().reveal()).isEqualTo("status-token-from-the-environment");
    // The Compose stack serves plain HTTP; behind TLS the operator sets it (docs/DEPLOYMENT.md).
    assertThat(c.access().secureCookies()).isFalse();
  }
}
