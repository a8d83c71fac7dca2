package io.facetrail.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration made of other commands' configurations, one per section, as a run's is. */
class ComposedConfigTest {
  @TempDir Path dir;

  /** The worker section of another command, on its own. */
  record WorkerOnly(SampleConfig.Worker worker) implements Validated {
    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.section(worker, ConfigProblems.path(path, "worker"));
    }
  }

  record Composed(SampleConfig service, WorkerOnly helper) implements Validated {
    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.section(service, ConfigProblems.path(path, "service"));
      problems.section(helper, ConfigProblems.path(path, "helper"));
    }
  }

  private static ConfigLoader<Composed> loader() {
    return ConfigLoader.composed(Composed.class)
        .withSection("service", SampleConfig.class, SampleConfig.class, "sample-defaults.yaml", "")
        .withSection(
            "helper", WorkerOnly.class, SampleConfig.class, "sample-defaults.yaml", "worker")
        .withFixed("service.kafka.bootstrapServers", "the composing command has its own broker");
  }

  @Test
  void eachSectionStartsFromItsCommandsDefaultsAndReadsItsVariables() {
    Composed c =
        loader()
            .load(
                null,
                Map.of("FACETRAIL_WORKER_THREADS", "3"),
                Map.of("helper.worker.threads", "4"));
    assertThat(c.service().http().port()).isEqualTo(8080);
    assertThat(c.service().worker().threads()).isEqualTo(3);
    assertThat(c.helper().worker().threads()).isEqualTo(4);
    assertThat(c.helper().worker().tags()).containsExactly("a", "b");
  }

  @Test
  void fixedSettingsAreRefusedInTheFileAndTheOverridesWithEveryOtherProblem() throws IOException {
    Path f =
        Files.writeString(dir.resolve("c.yaml"), "service:\n  kafka:\n    bootstrapServers: x:1\n");
    assertThatThrownBy(
            () ->
                loader()
                    .load(
                        f,
                        Map.of(),
                        Map.of(
                            "service.kafka.bootstrapServers", "y:2", "helper.worker.threads", "0")))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigurationException) e).problems())
                    .containsExactlyInAnyOrder(
                        "service.kafka.bootstrapServers: cannot be set (in "
                            + f
                            + "): the composing command has its own broker",
                        "helper.worker.threads: is 0, must be in 1..64"));
  }

  @Test
  void aFixedSettingsVariableIsIgnoredAndTheSettingNotPrinted() {
    Map<String, String> env = Map.of("FACETRAIL_KAFKA_BOOTSTRAP_SERVERS", "not an address");
    Composed c = loader().load(null, env, Map.of());
    assertThat(c.service().kafka().bootstrapServers()).isEqualTo("localhost:9092");
    String yaml = loader().effectiveYaml(null, env, Map.of(), x -> x);
    assertThat(yaml).doesNotContain("bootstrapServers").contains("topicPrefix", "helper:");
  }
}
