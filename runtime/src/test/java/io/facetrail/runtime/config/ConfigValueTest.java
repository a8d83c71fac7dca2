package io.facetrail.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records written as one value are read typed, overridden by one variable, reported as values. */
class ConfigValueTest {
  /** A host and port written {@code host:port}. */
  record Endpoint(String host, int port) implements ConfigValue {
    @JsonCreator
    static Endpoint parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("endpoint '" + text + "' is not host:port");
      }
      return new Endpoint(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
  }

  record EndpointConfig(Endpoint target, List<Endpoint> mirrors) {}

  private static ConfigLoader<EndpointConfig> loader() {
    return new ConfigLoader<>(EndpointConfig.class, "endpoint-defaults.yaml");
  }

  @Test
  void aValueRecordIsReadFromItsText() {
    EndpointConfig c = loader().load(null, Map.of(), Map.of());
    assertThat(c.target()).isEqualTo(new Endpoint("primary", 80));
    assertThat(c.mirrors()).containsExactly(new Endpoint("m1", 81));
  }

  @Test
  void itsVariableIsTheSettingsOwn() {
    assertThat(EnvironmentOverrides.variables(EndpointConfig.class))
        .containsOnlyKeys("FACETRAIL_TARGET", "FACETRAIL_MIRRORS");
    EndpointConfig c =
        loader()
            .load(
                null,
                Map.of("FACETRAIL_TARGET", "other:90", "FACETRAIL_MIRRORS", "a:1,b:2"),
                Map.of());
    assertThat(c.target()).isEqualTo(new Endpoint("other", 90));
    assertThat(c.mirrors()).containsExactly(new Endpoint("a", 1), new Endpoint("b", 2));
  }

  @Test
  void aBadValueIsReportedInItsParsersWords() {
    assertThatThrownBy(() -> loader().load(null, Map.of(), Map.of("target", "nope")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("target: endpoint 'nope' is not host:port");
  }

  @Test
  void aSectionInItsPlaceIsRefused() {
    assertThatThrownBy(() -> loader().load(null, Map.of(), Map.of("target.host", "x")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("target: must be a single value, not a section");
  }
}
