package io.facetrail.deploy.helm;

import static io.facetrail.deploy.helm.Workloads.container;
import static io.facetrail.deploy.helm.Workloads.names;
import static io.facetrail.deploy.helm.Workloads.volume;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiPaths;
import io.facetrail.matcher.gallery.GallerySettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's api component (the HTTP API and console): one replica with its keys and audit log on
 * a claim, the face models, the gallery, and nothing of it when it is switched off.
 */
class ApiChartTest {
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
  void theApiCanBeLeftOut() {
    Manifests without = Chart.renderWith("api.enabled", false);
    assertThat(without.all())
        .as("objects of the api")
        .noneMatch(o -> o.getMetadata().getName().startsWith(PREFIX + "api"));
    assertThat(names(without.all(Deployment.class)))
        .containsExactlyInAnyOrder(PREFIX + "embedder", PREFIX + "tracker", PREFIX + "matcher");
  }

  @Test
  void theApiRunsOnceWithItsKeysOnAClaimTheModelsAndTheGallery() {
    for (Manifests m : List.of(defaults, full)) {
      Deployment d = m.get(Deployment.class, PREFIX + "api");
      assertThat(d.getSpec().getReplicas()).isEqualTo(1);
      assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(m.find(HorizontalPodAutoscaler.class, PREFIX + "api")).isEmpty();
      Container c = container(d);
      assertThat(c.getArgs()).containsExactly("serve", "--config", "/etc/facetrail/config.yaml");
      assertThat(c.getVolumeMounts())
          .anySatisfy(
              v -> {
                assertThat(v.getName()).isEqualTo("state");
                assertThat(v.getMountPath()).isEqualTo("/var/lib/facetrail");
              })
          .anySatisfy(
              v -> {
                assertThat(v.getName()).isEqualTo("models");
                assertThat(v.getMountPath()).isEqualTo("/models");
                assertThat(v.getReadOnly()).isTrue();
              });
      assertThat(d.getSpec().getTemplate().getSpec().getInitContainers())
          .singleElement()
          .satisfies(
              i -> assertThat(i.getArgs()).containsExactly("models", "fetch", "--dir", "/models"));
      ApiConfig config = (ApiConfig) RenderedConfigs.load(d, m, work);
      assertThat(ApiPaths.keysFile(config.access())).startsWithRaw(Path.of("/var/lib/facetrail"));
      assertThat(ApiPaths.auditFile(config.access())).startsWithRaw(Path.of("/var/lib/facetrail"));
      assertThat(config.gallery().store()).isEqualTo(GallerySettings.Store.REDIS);
    }
    assertThat(
            volume(defaults.get(Deployment.class, PREFIX + "api"), "state")
                .getPersistentVolumeClaim()
                .getClaimName())
        .isEqualTo(PREFIX + "api");
    assertThat(
            defaults
                .get(PersistentVolumeClaim.class, PREFIX + "api")
                .getMetadata()
                .getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep");

    Deployment d = full.get(Deployment.class, PREFIX + "api");
    assertThat(volume(d, "state").getPersistentVolumeClaim().getClaimName())
        .isEqualTo("facetrail-api-keys");
    assertThat(full.find(PersistentVolumeClaim.class, PREFIX + "api")).isEmpty();
    assertThat(volume(d, "index").getPersistentVolumeClaim().getClaimName())
        .isEqualTo("media-index");
    assertThat(container(d).getVolumeMounts())
        .anySatisfy(
            v -> {
              assertThat(v.getMountPath()).isEqualTo("/index");
              assertThat(v.getSubPath()).isEqualTo("facetrail-index");
              assertThat(v.getReadOnly()).isTrue();
            });
    ApiConfig config = (ApiConfig) RenderedConfigs.load(d, full, work);
    assertThat(config.indexDir()).isEqualTo("/index");
    assertThat(config.access().secureCookies()).isTrue();
    assertThat(config.access().requestsPerMinute()).isEqualTo(1200);
    assertThat(config.ingestStatus())
        .containsExactly("http://" + PREFIX + "ingest:8081/api/streams");
    // ingest's status API takes the services' token; the api sends it.
    assertThat(config.events().statusToken().reveal()).isEqualTo("0123456789abcdef0123");
    assertThat(config.gallery().redis().password().reveal()).isEqualTo("not-a-real-redis-password");
    ApiConfig plain =
        (ApiConfig)
            RenderedConfigs.load(defaults.get(Deployment.class, PREFIX + "api"), defaults, work);
    assertThat(plain.indexDir()).isEmpty();
    assertThat(plain.ingestStatus()).isEmpty();
    assertThat(plain.access().secureCookies()).isFalse();
  }
}
