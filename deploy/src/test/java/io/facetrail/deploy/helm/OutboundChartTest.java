package io.facetrail.deploy.helm;

import static io.facetrail.deploy.helm.Workloads.container;
import static io.facetrail.deploy.helm.Workloads.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.facetrail.outbound.config.OutboundConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's outbound component: off by default, refused without a target, its configuration
 * (webhook secrets, MQTT password) in a Secret, an MQTT client id per pod.
 */
class OutboundChartTest {
  private static final String PREFIX = Chart.RELEASE + "-facetrail-";
  private static Manifests defaults;
  private static Manifests full;

  @TempDir Path work;

  @BeforeAll
  static void render() {
    defaults = Chart.render(null);
    full = Chart.render(Chart.fullValues());
  }

  @Test
  void outboundKeepsItsSecretsInASecretAndAnMqttClientIdPerPod() {
    Deployment d = full.get(Deployment.class, PREFIX + "outbound");
    assertThat(volume(d, "config").getSecret().getSecretName()).isEqualTo(PREFIX + "outbound");
    assertThat(container(d).getArgs())
        .containsExactly("outbound", "--config", "/etc/facetrail/config.yaml");
    OutboundConfig c = (OutboundConfig) RenderedConfigs.load(d, full, work);
    assertThat(c.webhooks())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.url().toString()).isEqualTo("https://vms.example/facetrail/events");
              assertThat(w.secret().reveal()).isEqualTo("not-a-real-webhook-secret");
            });
    assertThat(c.mqtt().serverUri()).isEqualTo("ssl://mqtt.example:8883");
    assertThat(c.mqtt().password().reveal()).isEqualTo("not-a-real-mqtt-password");
    assertThat(c.mqtt().clientId()).isEqualTo(PodEnvironment.POD_NAME);
    assertThat(c.commitInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(c.http().apiToken().reveal()).isEqualTo("0123456789abcdef0123");
    assertThat(full.all(ConfigMap.class))
        .noneMatch(
            m ->
                String.valueOf(m.getData()).contains("not-a-real-webhook-secret")
                    || String.valueOf(m.getData()).contains("not-a-real-mqtt-password"));
    assertThat(defaults.find(Deployment.class, PREFIX + "outbound")).isEmpty();
    assertThatThrownBy(() -> Chart.renderWith("outbound.enabled", true))
        .hasMessageContaining("outbound.enabled needs a target");
  }
}
