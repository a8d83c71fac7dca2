package io.facetrail.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.deploy.RepositoryFiles;
import io.facetrail.deploy.docker.Dockerfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Compose stack: valid against the Compose JSON Schema, and consistent with the Dockerfile, the
 * container configurations and Prometheus' scrape configuration.
 */
class ComposeFileTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Set<String> FACETRAIL_SERVICES =
      Set.of("ingest", "embedder", "tracker", "matcher", "api", "outbound");

  private static JsonNode read(String file) {
    return YAML.readTree(RepositoryFiles.read(RepositoryFiles.docker().resolve(file)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker-compose.yml", "docker-compose.gpu.yml"})
  void conformsToTheComposeSchema(String file) {
    assertThat(ComposeSchema.problems(read(file))).as(file).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatComposeWouldReject() {
    JsonNode bad =
        YAML.readTree(
            "services:\n  x:\n    image: a:1\n    restart: sometimes\n    helthcheck: {}\n");
    assertThat(ComposeSchema.problems(bad)).hasSizeGreaterThanOrEqualTo(1);
  }

  @Test
  void theStackHasItsInfrastructureAndEveryService() {
    JsonNode services = read("docker-compose.yml").path("services");
    assertThat(services.propertyNames())
        .contains("kafka", "redis", "models", "prometheus", "grafana")
        .containsAll(FACETRAIL_SERVICES);
    assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asString())
        .isEqualTo("broker,controller");
    assertThat(services.path("redis").path("command").toString()).contains("--appendonly yes");
    // The services start after the models were fetched once, and mount them read-only.
    for (String s : List.of("embedder", "matcher", "api")) {
      assertThat(services.path(s).path("depends_on").path("models").path("condition").asString())
          .isEqualTo("service_completed_successfully");
      assertThat(services.path(s).path("volumes").toString()).contains("models:/models:ro");
    }
  }

  @Test
  void theApiKeepsItsKeysAndAuditLogOnAVolumeAndReachesTheGallery() {
    JsonNode api = read("docker-compose.yml").path("services").path("api");
    assertThat(api.path("build").path("target").asString()).isEqualTo("api");
    for (String s : List.of("kafka", "redis")) {
      assertThat(api.path("depends_on").path(s).path("condition").asString())
          .as("api waits for " + s)
          .isEqualTo("service_healthy");
    }
    // The image's variables put both files under /var/lib/facetrail (DockerfileTest): a named
    // volume there keeps them across `docker compose down` and up, and `docker compose run --rm
    // api api-keys create` writes the key into it.
    List<String> volumes = new ArrayList<>();
    api.path("volumes").forEach(v -> volumes.add(v.asString()));
    assertThat(volumes)
        .contains("api-data:/var/lib/facetrail", "${FACETRAIL_INDEX:-./index}:/index:ro");
    assertThat(api.path("environment").path("FACETRAIL_GALLERY_REDIS_PASSWORD").asString())
        .isEqualTo(
            read("docker-compose.yml")
                .path("services")
                .path("matcher")
                .path("environment")
                .path("FACETRAIL_GALLERY_REDIS_PASSWORD")
                .asString());
    assertThat(api.path("ports").get(0).asString()).isEqualTo("8090:8090");
  }

  @Test
  void theApiReadsIngestsStreamStatusWithIngestsToken() {
    JsonNode services = read("docker-compose.yml").path("services");
    // One variable for both sides: ingest's /api/streams answers only with its own token.
    assertThat(
            services
                .path("api")
                .path("environment")
                .path("FACETRAIL_EVENTS_STATUS_TOKEN")
                .asString())
        .isNotEmpty()
        .isEqualTo(
            services
                .path("ingest")
                .path("environment")
                .path("FACETRAIL_HTTP_API_TOKEN")
                .asString());
    JsonNode api =
        YAML.readTree(RepositoryFiles.read(RepositoryFiles.docker().resolve("config/api.yaml")));
    JsonNode ingest =
        YAML.readTree(RepositoryFiles.read(RepositoryFiles.docker().resolve("config/ingest.yaml")));
    assertThat(api.path("ingestStatus").get(0).asString())
        .isEqualTo("http://ingest:" + ingest.path("http").path("port").asInt() + "/api/streams");
  }

  @Test
  void outboundStartsOnlyWhenAskedForWithItsConfigurationFromTheHost() {
    JsonNode outbound = read("docker-compose.yml").path("services").path("outbound");
    // It needs a target first (config/outbound.yaml): `docker compose up` alone leaves it out.
    assertThat(outbound.path("profiles").toString()).isEqualTo("[\"outbound\"]");
    assertThat(outbound.path("build").path("target").asString()).isEqualTo("outbound");
    List<String> volumes = new ArrayList<>();
    outbound.path("volumes").forEach(v -> volumes.add(v.asString()));
    assertThat(volumes).containsExactly("./config/outbound.yaml:/etc/facetrail/outbound.yaml:ro");
  }

  @Test
  void everyImageIsBuiltFromAnExistingDockerfileTarget() {
    for (String file : List.of("docker-compose.yml", "docker-compose.gpu.yml")) {
      read(file)
          .path("services")
          .properties()
          .forEach(
              e -> {
                JsonNode build = e.getValue().path("build");
                if (build.isMissingNode()) {
                  assertThat(e.getValue().path("image").asString())
                      .as(file + " " + e.getKey() + " pins its image version")
                      .matches(".+:[^:]*\\d[^:]*")
                      .doesNotEndWith(":latest");
                  return;
                }
                Path context = RepositoryFiles.docker().resolve(build.path("context").asString());
                Path dockerfile = context.resolve(build.path("dockerfile").asString()).normalize();
                assertThat(dockerfile).as(file + " " + e.getKey()).isRegularFile();
                String target = build.path("target").asString("");
                if (!target.isEmpty()) {
                  assertThat(Dockerfile.parse(dockerfile).stageNames())
                      .as(file + " " + e.getKey())
                      .contains(target);
                }
              });
    }
  }

  @Test
  void prometheusScrapesEveryServiceOnItsConfiguredPort() {
    JsonNode prometheus =
        YAML.readTree(
            RepositoryFiles.read(RepositoryFiles.docker().resolve("prometheus/prometheus.yml")));
    Map<String, Integer> scraped = new HashMap<>();
    for (JsonNode job : prometheus.path("scrape_configs")) {
      for (JsonNode sd : job.path("dns_sd_configs")) {
        for (JsonNode name : sd.path("names")) {
          scraped.put(name.asString(), sd.path("port").asInt());
        }
      }
    }
    for (String service : FACETRAIL_SERVICES) {
      JsonNode config =
          YAML.readTree(
              RepositoryFiles.read(
                  RepositoryFiles.docker().resolve("config").resolve(service + ".yaml")));
      assertThat(scraped)
          .as("Prometheus target of " + service)
          .containsEntry(service, config.path("http").path("port").asInt());
    }
  }

  @Test
  void namedVolumesAreDeclaredAndMountedFilesExist() {
    JsonNode compose = read("docker-compose.yml");
    Set<String> declared = Set.copyOf(compose.path("volumes").propertyNames());
    compose
        .path("services")
        .properties()
        .forEach(
            e -> {
              for (JsonNode volume : e.getValue().path("volumes")) {
                String spec = volume.asString();
                String source;
                if (spec.startsWith("${")) {
                  // ${VAR:-./default}:/target: the default must exist.
                  source = spec.substring(spec.indexOf(":-") + 2, spec.indexOf('}'));
                } else {
                  source = spec.split(":")[0];
                }
                if (source.startsWith(".")) {
                  assertThat(Files.exists(RepositoryFiles.docker().resolve(source).normalize()))
                      .as(e.getKey() + " mounts " + source)
                      .isTrue();
                } else {
                  assertThat(declared).as(e.getKey() + " volume " + source).contains(source);
                }
              }
            });
  }

  @Test
  void secretsComeFromTheEnvironmentAndAreRequired() {
    read("docker-compose.yml")
        .path("services")
        .properties()
        .forEach(
            e ->
                e.getValue()
                    .path("environment")
                    .properties()
                    .forEach(
                        v -> {
                          if (v.getKey().matches(".*(PASSWORD|TOKEN|SECRET|AUTH).*")) {
                            assertThat(v.getValue().asString())
                                .as(e.getKey() + " " + v.getKey())
                                .matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                          }
                        }));
  }
}
