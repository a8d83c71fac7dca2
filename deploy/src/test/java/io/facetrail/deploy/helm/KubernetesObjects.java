package io.facetrail.deploy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses manifests strictly into fabric8's typed Kubernetes models. The models accept unknown
 * fields into an {@code additionalProperties} map instead of failing, so after parsing every object
 * in the tree is visited and any unknown field fails the parse with its path: a misspelled {@code
 * readinesProbe} or a field at the wrong level would otherwise be silently dropped by the API
 * server.
 */
final class KubernetesObjects {
  /** The kinds the chart may render, by {@code apiVersion/kind}; anything else is an error. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "v1/ServiceAccount", ServiceAccount.class,
          "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
          "apps/v1/Deployment", Deployment.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .annotationIntrospector(new LegacyModelIntrospector())
          .build();

  private KubernetesObjects() {}

  static HasMetadata parse(JsonNode doc, String where) {
    String key = doc.path("apiVersion").asString("") + "/" + doc.path("kind").asString("");
    Class<? extends HasMetadata> type = KINDS.get(key);
    if (type == null) {
      throw new AssertionError(where + ": unexpected kind " + key + " (known: " + KINDS.keySet());
    }
    HasMetadata object;
    try {
      object = JSON.treeToValue(doc, type);
    } catch (RuntimeException e) {
      throw new AssertionError(where + " (" + key + "): not a valid object: " + e.getMessage(), e);
    }
    String name = object.getMetadata() == null ? null : object.getMetadata().getName();
    if (name == null || name.isBlank()) {
      throw new AssertionError(where + " (" + key + ") has no metadata.name");
    }
    List<String> unknown = new ArrayList<>();
    unknownFields(object, key.substring(key.lastIndexOf('/') + 1) + "/" + name, unknown);
    if (!unknown.isEmpty()) {
      throw new AssertionError(where + ": fields unknown to " + key + ": " + unknown);
    }
    return object;
  }

  /** Collects {@code additionalProperties} of every model object reachable from {@code value}. */
  private static void unknownFields(Object value, String path, List<String> out) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        unknownFields(list.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, out));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return; // strings, numbers, quantities' plain values
    }
    for (Method m : value.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getName().equals("getClass")) {
        continue;
      }
      Object child = invoke(m, value);
      String field =
          path + "." + Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
      if (m.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> out.add(path + "." + k));
        }
      } else {
        unknownFields(child, field, out);
      }
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + m + " of " + target.getClass(), e);
    }
  }
}
