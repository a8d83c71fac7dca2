package io.facetrail.runtime.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a configuration tree against the record type it must bind to, recording every unknown key,
 * misplaced section and unconvertible value, so that the user sees all of them at once (Jackson
 * alone stops at the first).
 */
final class ConfigShape {
  private ConfigShape() {}

  static void check(Type type, JsonNode node, String path, ConfigProblems problems) {
    if (node == null || node.isNull()) {
      return; // Absent values are the business of validation (required settings).
    }
    Class<?> raw = rawClass(type);
    if (raw.isRecord()) {
      if (!(node instanceof ObjectNode object)) {
        problems.add(
            display(path), "must be a section of settings, not '" + node.asString("") + "'");
        return;
      }
      checkRecord(raw, object, path, problems);
    } else if (List.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        problems.add(display(path), "must be a list");
        return;
      }
      Type element = typeArgument(type, 0);
      for (int i = 0; i < node.size(); i++) {
        check(element, node.get(i), path + "[" + i + "]", problems);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (!(node instanceof ObjectNode object)) {
        problems.add(display(path), "must be a mapping of names to values");
        return;
      }
      Type value = typeArgument(type, 1);
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        check(value, e.getValue(), ConfigProblems.path(path, e.getKey()), problems);
      }
    } else {
      checkScalar(type, node, path, problems);
    }
  }

  private static void checkRecord(
      Class<?> type, ObjectNode node, String path, ConfigProblems problems) {
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    for (String key : node.propertyNames()) {
      if (!known.contains(key)) {
        problems.add(ConfigProblems.path(path, key), "unknown setting" + suggestion(key, known));
      }
    }
    for (RecordComponent c : components) {
      check(
          c.getGenericType(),
          node.get(c.getName()),
          ConfigProblems.path(path, c.getName()),
          problems);
    }
  }

  private static void checkScalar(Type type, JsonNode node, String path, ConfigProblems problems) {
    if (node.isContainer()) {
      problems.add(
          display(path), "must be a single value, not a " + (node.isArray() ? "list" : "section"));
      return;
    }
    try {
      JavaType javaType = ConfigMapper.get().getTypeFactory().constructType(type);
      ConfigMapper.get().convertValue(node, javaType);
    } catch (RuntimeException e) {
      problems.add(
          display(path), "'" + node.asString("") + "' is not " + expected(type) + detail(e));
    }
  }

  private static String expected(Type type) {
    Class<?> raw = rawClass(type);
    if (raw.isEnum()) {
      return "one of "
          + Arrays.stream(raw.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "a whole number";
    }
    if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      return "a number";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    if (raw == java.time.Duration.class) {
      return "a duration";
    }
    return "a valid " + raw.getSimpleName();
  }

  private static String detail(RuntimeException e) {
    String m = e.getMessage();
    if (m != null && m.contains("not a duration")) {
      return " (write e.g. 500ms, 5s, 2m, 1h or PT5S)";
    }
    return "";
  }

  private static String suggestion(String key, Set<String> known) {
    List<String> sorted = new ArrayList<>(known);
    sorted.sort(Comparator.comparingInt(k -> editDistance(k.toLowerCase(), key.toLowerCase())));
    if (!sorted.isEmpty() && editDistance(sorted.get(0).toLowerCase(), key.toLowerCase()) <= 3) {
      return " (did you mean '" + sorted.get(0) + "'?)";
    }
    return sorted.isEmpty()
        ? ""
        : " (known here: " + String.join(", ", known.stream().sorted().toList()) + ")";
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported configuration type " + type);
  }

  static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    return String.class;
  }

  private static String display(String path) {
    return path.isEmpty() ? "(top level)" : path;
  }
}
