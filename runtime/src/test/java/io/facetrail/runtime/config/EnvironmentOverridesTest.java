package io.facetrail.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {
  @Test
  void variableNamesAreUpperSnakeCasePaths() {
    assertThat(EnvironmentOverrides.variableFor("kafka.bootstrapServers"))
        .isEqualTo("FACETRAIL_KAFKA_BOOTSTRAP_SERVERS");
    assertThat(EnvironmentOverrides.variableFor("http.apiToken"))
        .isEqualTo("FACETRAIL_HTTP_API_TOKEN");
  }

  @Test
  void listsEveryVariableOfAType() {
    assertThat(EnvironmentOverrides.variables(SampleConfig.class))
        .containsEntry("FACETRAIL_WORKER_THREADS", "worker.threads")
        .containsEntry("FACETRAIL_KAFKA_PROPERTIES_*", "kafka.properties")
        .containsEntry("FACETRAIL_WORKER_TAGS", "worker.tags");
  }
}
