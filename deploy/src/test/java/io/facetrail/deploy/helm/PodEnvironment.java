package io.facetrail.deploy.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment Kubernetes would give a container, resolved from the rendered manifests: literal
 * values, keys of the rendered Secrets (a missing optional key leaves the variable unset, as the
 * kubelet does) and the pod's own fields.
 */
final class PodEnvironment {
  static final String POD_NAME = "ft-facetrail-embedder-7d4b9c-x2x9q";

  private PodEnvironment() {}

  static Map<String, String> of(Container container, Manifests manifests) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
        continue;
      }
      EnvVarSource from = var.getValueFrom();
      if (from == null) {
        throw new AssertionError(var.getName() + " has neither value nor valueFrom");
      }
      if (from.getFieldRef() != null) {
        if (!"metadata.name".equals(from.getFieldRef().getFieldPath())) {
          throw new AssertionError(var.getName() + ": unexpected field " + from.getFieldRef());
        }
        env.put(var.getName(), POD_NAME);
      } else if (from.getSecretKeyRef() != null) {
        String value = secretValue(from.getSecretKeyRef(), manifests);
        if (value != null) {
          env.put(var.getName(), value);
        }
      } else {
        throw new AssertionError(var.getName() + ": unexpected source " + from);
      }
    }
    return env;
  }

  private static String secretValue(SecretKeySelector ref, Manifests manifests) {
    Secret secret = manifests.find(Secret.class, ref.getName()).orElse(null);
    String value = null;
    if (secret != null && secret.getStringData() != null) {
      value = secret.getStringData().get(ref.getKey());
    }
    if (value == null && secret != null && secret.getData() != null) {
      String b64 = secret.getData().get(ref.getKey());
      value =
          b64 == null ? null : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
    if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
      throw new AssertionError(
          "secret key " + ref.getName() + "/" + ref.getKey() + " is required but not rendered");
    }
    return value;
  }
}
