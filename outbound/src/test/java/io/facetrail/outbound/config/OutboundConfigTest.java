package io.facetrail.outbound.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the outbound configuration: defaults, a file with webhooks, the environment, checks. */
class OutboundConfigTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    Path f = dir.resolve("outbound.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static final String ONE_WEBHOOK =
      """
      webhooks:
        - url: https://vms.example:8443/hooks/facetrail?token=abc
          secret: "0123456789abcdef-secret"
      """;

  @Test
  void aWebhookGivenByUrlAndSecretTakesTheDocumentedDefaults() throws IOException {
    OutboundConfig c = OutboundConfig.loader().load(file(ONE_WEBHOOK), Map.of(), Map.of());
    assertThat(c.groupId()).isEqualTo("facetrail-outbound");
    assertThat(c.deadLetterTopicName()).isEqualTo("facetrail.dlq.outbound.v1");
    assertThat(c.webhooks()).hasSize(1);
    WebhookSettings w = c.webhooks().get(0);
    assertThat(w.url()).isEqualTo(URI.create("https://vms.example:8443/hooks/facetrail?token=abc"));
    assertThat(w.secret().reveal()).isEqualTo("0123456789abcdef-secret");
    assertThat(w.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(w.maxAttempts()).isEqualTo(8);
    assertThat(w.backoff()).isEqualTo(BackoffSettings.DEFAULT);
    assertThat(w.queueCapacity()).isEqualTo(10_000);
    assertThat(w.events()).isEmpty();
    assertThat(w.host()).as("no path or query").isEqualTo("vms.example:8443");
    assertThat(c.mqtt().enabled()).isFalse();
    assertThat(c.mqtt().topicPrefix()).isEqualTo("facetrail");
    assertThat(c.mqtt().qos()).isEqualTo(1);
    assertThat(c.mqtt().retain()).isFalse();
  }

  @Test
  void filtersAreWrittenInTheEventsSpelling() throws IOException {
    OutboundConfig c =
        OutboundConfig.loader()
            .load(
                file(
                    ONE_WEBHOOK
                        + """
                            events: [identified, unknown]
                            streams: [lobby]
                            maxAttempts: 3
                            backoff: {initial: 50ms, max: 200ms}
                        """),
                Map.of(),
                Map.of());
    WebhookSettings w = c.webhooks().get(0);
    assertThat(w.events()).containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.UNKNOWN);
    assertThat(w.maxAttempts()).isEqualTo(3);
    assertThat(w.backoff())
        .isEqualTo(new BackoffSettings(Duration.ofMillis(50), Duration.ofMillis(200)));
    EventFilter f = w.filter();
    assertThat(f.events())
        .containsExactlyInAnyOrder(IdentityEventType.IDENTIFIED, IdentityEventType.UNKNOWN);
    assertThat(f.streams()).containsExactly("lobby");
  }

  @Test
  void mqttIsSwitchedOnByTheEnvironment() {
    OutboundConfig c =
        OutboundConfig.loader()
            .load(
                null,
                Map.of(
                    "FACETRAIL_MQTT_ENABLED", "true",
                    "FACETRAIL_MQTT_SERVER_URI", "tcp://broker.lan:1883",
                    "FACETRAIL_MQTT_USERNAME", "ha",
                    "FACETRAIL_MQTT_PASSWORD", "hunter2-hunter2"),
                Map.of("mqtt.topicPrefix", "home/facetrail"));
    assertThat(c.mqtt().enabled()).isTrue();
    assertThat(c.mqtt().serverUri()).isEqualTo("tcp://broker.lan:1883");
    assertThat(c.mqtt().password().reveal()).isEqualTo("hunter2-hunter2");
    assertThat(c.mqtt().topicPrefix()).isEqualTo("home/facetrail");
  }

  @Test
  void withoutATargetTheServiceHasNothingToDo() {
    assertThatThrownBy(() -> OutboundConfig.loader().load(null, Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("webhooks: no target");
  }

  @Test
  void everyProblemIsListedWithItsPath() throws IOException {
    Path f =
        file(
            """
            deadLetterTopic: "dlq/outbound"
            webhooks:
              - url: ftp://vms.example/x
                secret: short
                maxAttempts: 0
                timeout: 0s
              - url: https://user:pw@vms.example/x
                secret: ""
                backoff: {initial: 10s, max: 1s}
            mqtt:
              enabled: true
              serverUri: "http://broker:1883"
              topicPrefix: "home/#"
              qos: 3
              password: "no-user-given"
            """);
    assertThatThrownBy(() -> OutboundConfig.loader().load(f, Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("deadLetterTopic: may hold only")
        .hasMessageContaining("webhooks[0].url: must be an http:// or https:// URL")
        .hasMessageContaining("webhooks[0].secret: is shorter than 16 characters")
        .hasMessageContaining("webhooks[0].maxAttempts: is 0, must be in 1..100")
        .hasMessageContaining("webhooks[0].timeout: must be positive")
        .hasMessageContaining("webhooks[1].url: must not hold a user name or password")
        .hasMessageContaining("webhooks[1].secret: is required")
        .hasMessageContaining("webhooks[1].backoff.max: must not be shorter than initial")
        .hasMessageContaining("mqtt.serverUri: must be tcp://host:port")
        .hasMessageContaining("mqtt.topicPrefix: must not hold the wildcards + or #")
        .hasMessageContaining("mqtt.qos: is 3, must be in 0..2")
        .hasMessageContaining("mqtt.username: is required with a password");
  }

  @Test
  void printedConfigurationMasksEverySecret() throws IOException {
    String yaml =
        OutboundConfig.loader()
            .effectiveYaml(
                file(ONE_WEBHOOK),
                Map.of(),
                Map.of(
                    "mqtt.enabled",
                    "true",
                    "mqtt.username",
                    "ha",
                    "mqtt.password",
                    "pw-do-not-print"));
    assertThat(yaml)
        .doesNotContain("0123456789abcdef-secret")
        .doesNotContain("pw-do-not-print")
        .contains("secret: \"******\"")
        .contains("password: \"******\"");
  }
}
