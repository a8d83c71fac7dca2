package io.facetrail.runtime.config;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the value of every {@link Secret} setting in a configuration tree by {@value
 * Secret#REDACTED}, following the record type the tree binds to, so that a printed configuration
 * never shows a password, whatever source it came from.
 */
final class SecretMask {
  private SecretMask() {}

  /** Masks the secrets of {@code tree}, which must have passed {@link ConfigShape#check}. */
  static void apply(Type type, JsonNode tree) {
    if (tree == null || tree.isNull()) {
      return;
    }
    Class<?> raw = ConfigShape.rawClass(type);
    if (ConfigShape.isSection(raw) && tree instanceof ObjectNode object) {
      for (RecordComponent c : raw.getRecordComponents()) {
        JsonNode child = object.get(c.getName());
        if (child != null && masks(c.getGenericType(), child)) {
          object.put(c.getName(), Secret.REDACTED);
        } else {
          apply(c.getGenericType(), child);
        }
      }
    } else if (List.class.isAssignableFrom(raw) && tree.isArray()) {
      Type element = ConfigShape.typeArgument(type, 0);
      for (JsonNode e : tree) {
        apply(element, e);
      }
    } else if (Map.class.isAssignableFrom(raw) && tree instanceof ObjectNode object) {
      Type value = ConfigShape.typeArgument(type, 1);
      for (String key : List.copyOf(object.propertyNames())) {
        if (masks(value, object.get(key))) {
          object.put(key, Secret.REDACTED);
        } else {
          apply(value, object.get(key));
        }
      }
    }
  }

  /** Whether {@code node} is the value of a secret (an empty secret is shown as it is: unset). */
  private static boolean masks(Type type, JsonNode node) {
    return type == Secret.class && !(node.isString() && node.asString().isEmpty());
  }
}
