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

  /**
   * Checks {@code node} against {@code type}, recording every problem. Bad parts are repaired in
   * place (unknown keys dropped, bad values replaced by their default) so that validation can still
   * run on the rest and report its problems in the same pass.
   *
   * @param defaults the built-in default at the same path, or null
   * @return whether the node itself is acceptable (false: the caller must replace it)
   */
  static boolean check(
      Type type, JsonNode node, JsonNode defaults, String path, ConfigProblems problems) {
    if (node == null || node.isNull()) {
      return true; // Absent values are the business of validation (required settings).
    }
    Class<?> raw = rawClass(type);
    if (isSection(raw)) {
      if (!(node instanceof ObjectNode object)) {
        problems.add(
            display(path), "must be a section of settings, not '" + node.asString("") + "'");
        return false;
      }
      checkRecord(raw, object, defaults, path, problems);
      return true;
    }
    if (List.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        problems.add(display(path), "must be a list");
        return false;
      }
      Type element = typeArgument(type, 0);
      boolean ok = true;
      for (int i = 0; i < node.size(); i++) {
        ok &= check(element, node.get(i), null, path + "[" + i + "]", problems);
      }
      return ok;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!(node instanceof ObjectNode object)) {
        problems.add(display(path), "must be a mapping of names to values");
        return false;
      }
      Type value = typeArgument(type, 1);
      List<String> bad = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!check(value, e.getValue(), null, ConfigProblems.path(path, e.getKey()), problems)) {
          bad.add(e.getKey());
        }
      }
      bad.forEach(object::remove);
      return true;
    }
    return checkScalar(type, node, path, problems);
  }

  private static void checkRecord(
      Class<?> type, ObjectNode node, JsonNode defaults, String path, ConfigProblems problems) {
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    for (String key : new ArrayList<>(node.propertyNames())) {
      if (!known.contains(key)) {
        problems.add(ConfigProblems.path(path, key), "unknown setting" + suggestion(key, known));
        node.remove(key);
      }
    }
    for (RecordComponent c : components) {
      JsonNode fallback = defaults == null ? null : defaults.get(c.getName());
      String childPath = ConfigProblems.path(path, c.getName());
      if (!check(c.getGenericType(), node.get(c.getName()), fallback, childPath, problems)) {
        if (fallback == null) {
          node.remove(c.getName());
        } else {
          node.set(c.getName(), fallback.deepCopy());
        }
      }
    }
  }

  private static boolean checkScalar(
      Type type, JsonNode node, String path, ConfigProblems problems) {
    if (node.isContainer()) {
      problems.add(
          display(path), "must be a single value, not a " + (node.isArray() ? "list" : "section"));
      return false;
    }
    try {
      JavaType javaType = ConfigMapper.get().getTypeFactory().constructType(type);
      ConfigMapper.get().convertValue(node, javaType);
      return true;
    } catch (RuntimeException e) {
      Throwable cause = rootCause(e);
      if (ConfigValue.class.isAssignableFrom(rawClass(type)) && cause.getMessage() != null) {
        // The value's own parser says which forms it accepts.
        problems.add(display(path), cause.getMessage());
      } else {
        problems.add(
            display(path), "'" + node.asString("") + "' is not " + expected(type) + detail(e));
      }
      return false;
    }
  }

  /** Whether {@code type} is written as a section of settings (a record, not a single value). */
  static boolean isSection(Class<?> type) {
    return type.isRecord() && !ConfigValue.class.isAssignableFrom(type);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
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
