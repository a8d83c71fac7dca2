package io.facetrail.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    Path f = dir.resolve("config.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void defaultsAloneLoad() {
    SampleConfig c = SampleConfig.loader().load(null, Map.of(), Map.of());
    assertThat(c.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(c.worker().pollTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.worker().tags()).containsExactly("a", "b");
  }

  @Test
  void laterDefaultsResourcesMergeOverEarlierOnes() {
    ConfigLoader<SampleConfig> loader =
        ConfigLoader.extending(SampleConfig.class, SampleConfig.class, "sample-defaults.yaml")
            .withDefaults(SampleConfig.class, "sample-worker-defaults.yaml");
    SampleConfig c = loader.load(null, Map.of("FACETRAIL_WORKER_MODE", "STREAM"), Map.of());
    assertThat(c.worker().threads()).isEqualTo(7);
    assertThat(c.worker().pollTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.worker().mode()).isEqualTo(SampleConfig.Mode.STREAM);
    assertThat(loader.defaults().get("worker").get("threads").asInt()).isEqualTo(7);
  }

  @Test
  void fileThenEnvironmentThenOverridesWin() throws IOException {
    Path f = file("kafka:\n  bootstrapServers: file:1\nworker:\n  threads: 3\n  pollTimeout: 2s\n");
    SampleConfig c =
        SampleConfig.loader()
            .load(
                f,
                Map.of(
                    "FACETRAIL_KAFKA_BOOTSTRAP_SERVERS", "env:2",
                    "FACETRAIL_WORKER_TAGS", "x, y,z",
                    "FACETRAIL_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL"),
                Map.of("worker.threads", "5"));
    assertThat(c.kafka().bootstrapServers()).isEqualTo("env:2");
    assertThat(c.kafka().properties()).containsEntry("security.protocol", "SSL");
    assertThat(c.worker().threads()).isEqualTo(5);
    assertThat(c.worker().pollTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.worker().tags()).containsExactly("x", "y", "z");
  }

  @Test
  void aListSettingTakesACommaSeparatedOverrideAsItsVariableDoes() {
    SampleConfig c = SampleConfig.loader().load(null, Map.of(), Map.of("worker.tags", "p, q ,,r"));
    assertThat(c.worker().tags()).containsExactly("p", "q", "r");
    assertThat(
            SampleConfig.loader().load(null, Map.of(), Map.of("worker.tags", "")).worker().tags())
        .isEmpty();
  }

  @Test
  void composedValuesAreSetAfterTheEnvironmentAndValidatedWithIt() {
    SampleConfig c =
        SampleConfig.loader()
            .load(
                null,
                Map.of(
                    "FACETRAIL_WORKER_THREADS", "3", "FACETRAIL_KAFKA_BOOTSTRAP_SERVERS", "env:2"),
                Map.of("worker.pollTimeout", "2s"),
                read ->
                    new SampleConfig(
                        read.kafka().withBootstrapServers("broker:9"), read.http(), read.worker()));
    assertThat(c.kafka().bootstrapServers()).isEqualTo("broker:9");
    assertThat(c.worker().threads()).isEqualTo(3);
    assertThat(c.worker().pollTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void problemsOfTheComposedConfigurationAreListedWithTheEnvironmentsOnes() {
    assertThatThrownBy(
            () ->
                SampleConfig.loader()
                    .load(
                        null,
                        Map.of("FACETRAIL_WORKER_THREADS", "0"),
                        Map.of(),
                        read ->
                            new SampleConfig(
                                read.kafka().withBootstrapServers("no-port"),
                                read.http(),
                                read.worker())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("worker.threads: is 0")
        .hasMessageContaining("kafka.bootstrapServers: 'no-port' is not host:port");
  }

  @Test
  void everyProblemIsListedAtOnce() throws IOException {
    Path f =
        file(
            """
            kafka:
              bootstrapServers: "no-port"
              partitons: 3
              replicationFactor: 0
            http:
              port: 70000
            worker:
              threads: many
              pollTimeout: 5 parsecs
              mode: TURBO
            unknownSection: {}
            """);
    assertThatThrownBy(() -> SampleConfig.loader().load(f, Map.of(), Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("kafka.partitons")
                                .contains("did you mean 'partitions'"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("worker.threads")
                                .contains("'many' is not a whole number"))
                    .anySatisfy(
                        p ->
                            assertThat(p).contains("worker.pollTimeout").contains("not a duration"))
                    .anySatisfy(
                        p -> assertThat(p).contains("worker.mode").contains("one of BATCH, STREAM"))
                    .anySatisfy(p -> assertThat(p).startsWith("unknownSection: unknown setting"))
                    // Semantic checks still run on the rest, in the same report.
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("kafka.bootstrapServers")
                                .contains("not host:port"))
                    .anySatisfy(p -> assertThat(p).contains("kafka.replicationFactor"))
                    .anySatisfy(p -> assertThat(p).contains("http.port"))
                    .hasSize(8));
  }

  @Test
  void semanticProblemsAreAllListedToo() throws IOException {
    Path f =
        file(
            """
            kafka:
              bootstrapServers: "no-port"
              replicationFactor: 0
            http:
              port: 70000
            worker:
              threads: 0
              pollTimeout: 0s
            """);
    assertThatThrownBy(() -> SampleConfig.loader().load(f, Map.of(), Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              List<String> p = e.problems();
              assertThat(p)
                  .anySatisfy(
                      s ->
                          assertThat(s)
                              .contains("kafka.bootstrapServers")
                              .contains("not host:port"))
                  .anySatisfy(s -> assertThat(s).contains("kafka.replicationFactor"))
                  .anySatisfy(s -> assertThat(s).contains("http.port"))
                  .anySatisfy(s -> assertThat(s).contains("worker.threads"))
                  .anySatisfy(s -> assertThat(s).contains("worker.pollTimeout"))
                  .hasSize(5);
              assertThat(e.getMessage()).contains("5 problems").contains(f.toString());
            });
  }

  @Test
  void missingAndUnparsableFilesAreReported() throws IOException {
    assertThatThrownBy(
            () -> SampleConfig.loader().load(dir.resolve("nope.yaml"), Map.of(), Map.of()))
        .hasMessageContaining("file not found");
    Path broken = file("kafka: [unclosed\n");
    assertThatThrownBy(() -> SampleConfig.loader().load(broken, Map.of(), Map.of()))
        .hasMessageContaining("cannot be parsed")
        .hasMessageContaining("line");
  }

  @Test
  void propertiesFilesWork() throws IOException {
    Path f = dir.resolve("c.properties");
    Files.writeString(f, "worker.threads=7\nkafka.bootstrapServers=h:1\n");
    SampleConfig c = SampleConfig.loader().load(f, Map.of(), Map.of());
    assertThat(c.worker().threads()).isEqualTo(7);
    assertThat(c.kafka().bootstrapServers()).isEqualTo("h:1");
  }

  @Test
  void secretsNeverAppearInToString() {
    SampleConfig c =
        SampleConfig.loader()
            .load(
                null,
                Map.of(
                    "FACETRAIL_KAFKA_SECRETS_SASL_JAAS_CONFIG",
                        "org.x required password=\"hunter2\";",
                    "FACETRAIL_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                    "FACETRAIL_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN",
                    "FACETRAIL_HTTP_API_TOKEN", "0123456789abcdef-token"),
                Map.of());
    assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("0123456789abcdef-token");
    assertThat(c.kafka().connectionProperties())
        .containsEntry("sasl.jaas.config", "org.x required password=\"hunter2\";");
    assertThat(c.http().apiToken().reveal()).isEqualTo("0123456789abcdef-token");
  }

  @Test
  void secretLookingPropertiesAreRefusedSoTheyCannotLeak() {
    assertThatThrownBy(
            () ->
                SampleConfig.loader()
                    .load(
                        null,
                        Map.of("FACETRAIL_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD", "pw"),
                        Map.of()))
        .hasMessageContaining("kafka.properties.ssl.keystore.password")
        .hasMessageContaining("kafka.secrets")
        .hasMessageNotContaining("pw\n");
  }

  @Test
  void saslNeedsItsSettings() {
    assertThatThrownBy(
            () ->
                SampleConfig.loader()
                    .load(
                        null,
                        Map.of("FACETRAIL_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL"),
                        Map.of()))
        .hasMessageContaining("sasl.mechanism")
        .hasMessageContaining("sasl.jaas.config");
  }

  @Test
  void effectiveYamlShowsEverySourceAndMasksSecretsFromAnyOfThem() throws IOException {
    Path f = file("http:\n  apiToken: file-token-0123456789\n");
    String yaml =
        SampleConfig.loader()
            .effectiveYaml(
                f,
                Map.of("FACETRAIL_KAFKA_SECRETS_SASL_JAAS_CONFIG", "env-jaas-secret"),
                Map.of("kafka.bootstrapServers", "set:9092", "worker.threads", "7"));
    assertThat(yaml)
        .contains("bootstrapServers: \"set:9092\"")
        .contains("threads: \"7\"")
        .contains("pollTimeout: \"500ms\"")
        .contains("apiToken: \"" + Secret.REDACTED + "\"")
        .contains("sasl.jaas.config: \"" + Secret.REDACTED + "\"")
        .doesNotContain("file-token")
        .doesNotContain("env-jaas-secret");
  }

  @Test
  void effectiveYamlOfAnInvalidConfigurationListsTheProblems() {
    assertThatThrownBy(
            () ->
                SampleConfig.loader().effectiveYaml(null, Map.of(), Map.of("worker.threads", "0")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("worker.threads");
  }
}
