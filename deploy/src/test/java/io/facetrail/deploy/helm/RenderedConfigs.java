package io.facetrail.deploy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.tracker.service.TrackerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Loads what a rendered Deployment's container would read: the {@code config.yaml} of its mounted
 * ConfigMap or Secret, with the container's environment, through the service's own configuration
 * loader (which rejects unknown settings and validates every value).
 */
final class RenderedConfigs {
  private RenderedConfigs() {}

  /** The service's configuration record, as the container would load it. */
  static Object load(Deployment deployment, Manifests manifests, Path work) {
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    String service = container.getName();
    Path file = work.resolve(deployment.getMetadata().getName() + ".yaml");
    try {
      Files.writeString(file, configText(deployment, manifests));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = PodEnvironment.of(container, manifests);
    return switch (service) {
      case "ingest" -> IngestConfig.loader().load(file, env, Map.of());
      case "embedder" -> EmbedderConfig.loader().load(file, env, Map.of());
      case "tracker" -> TrackerConfig.loader().load(file, env, Map.of());
      case "matcher" -> MatcherConfig.loader().load(file, env, Map.of());
      case "api" -> ApiConfig.loader().load(file, env, Map.of());
      case "outbound" -> OutboundConfig.loader().load(file, env, Map.of());
      default -> throw new AssertionError("unknown service container " + service);
    };
  }

  private static String configText(Deployment deployment, Manifests manifests) {
    Volume volume =
        deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals("config"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(deployment.getMetadata().getName() + ": no config volume"));
    if (volume.getConfigMap() != null) {
      ConfigMap map = manifests.get(ConfigMap.class, volume.getConfigMap().getName());
      return require(map.getData().get("config.yaml"), volume);
    }
    Secret secret = manifests.get(Secret.class, volume.getSecret().getSecretName());
    if (secret.getStringData() != null && secret.getStringData().containsKey("config.yaml")) {
      return secret.getStringData().get("config.yaml");
    }
    String b64 =
        require(secret.getData() == null ? null : secret.getData().get("config.yaml"), volume);
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  private static String require(String text, Volume volume) {
    if (text == null) {
      throw new AssertionError("volume " + volume.getName() + " has no config.yaml");
    }
    return text;
  }
}
