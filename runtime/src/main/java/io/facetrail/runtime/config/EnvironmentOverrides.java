package io.facetrail.runtime.config;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps {@code FACETRAIL_*} environment variables onto settings. Each setting's variable is its path
 * in upper snake case: {@code kafka.bootstrapServers} is {@code FACETRAIL_KAFKA_BOOTSTRAP_SERVERS}.
 * A list setting takes a comma-separated value. For a mapping setting such as {@code
 * kafka.properties}, every variable under its prefix adds one entry, the rest of the name
 * lower-cased with dots for underscores: {@code FACETRAIL_KAFKA_PROPERTIES_SASL_MECHANISM} sets
 * {@code sasl.mechanism}.
 */
public final class EnvironmentOverrides {
  public static final String PREFIX = "FACETRAIL_";

  private EnvironmentOverrides() {}

  /** The variable name of a setting path. */
  public static String variableFor(String path) {
    StringBuilder sb = new StringBuilder(PREFIX);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  /** Every variable the given configuration type reads, with the setting it maps to. */
  public static Map<String, String> variables(Class<?> type) {
    Map<String, String> out = new TreeMap<>();
    for (Leaf leaf : leaves(type, "")) {
      out.put(variableFor(leaf.path) + (leaf.kind == Kind.MAP ? "_*" : ""), leaf.path);
    }
    return out;
  }

  /** Applies the variables present in {@code env} to {@code tree}; returns what was applied. */
  static List<String> apply(Class<?> type, ObjectNode tree, Map<String, String> env) {
    List<String> applied = new ArrayList<>();
    for (Leaf leaf : leaves(type, "")) {
      String variable = variableFor(leaf.path);
      switch (leaf.kind) {
        case SCALAR -> {
          String value = env.get(variable);
          if (value != null) {
            ConfigSources.set(tree, leaf.path, value);
            applied.add(variable);
          }
        }
        case LIST -> {
          String value = env.get(variable);
          if (value != null) {
            ArrayNode array = ConfigSources.list(value);
            int dot = leaf.path.lastIndexOf('.');
            ObjectNode parent =
                dot < 0 ? tree : ConfigSources.section(tree, leaf.path.substring(0, dot));
            parent.set(leaf.path.substring(dot + 1), array);
            applied.add(variable);
          }
        }
        case MAP -> {
          String prefix = variable + "_";
          for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
              String key =
                  e.getKey().substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
              ConfigSources.section(tree, leaf.path).put(key, e.getValue());
              applied.add(e.getKey());
            }
          }
        }
      }
    }
    return applied;
  }

  private enum Kind {
    SCALAR,
    LIST,
    MAP
  }

  private record Leaf(String path, Kind kind) {}

  private static List<Leaf> leaves(Class<?> type, String path) {
    List<Leaf> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String childPath = ConfigProblems.path(path, c.getName());
      Type generic = c.getGenericType();
      Class<?> raw = ConfigShape.rawClass(generic);
      if (ConfigShape.isSection(raw)) {
        out.addAll(leaves(raw, childPath));
      } else if (List.class.isAssignableFrom(raw)) {
        // Lists of sections (e.g. streams) cannot be written in one variable.
        if (!ConfigShape.isSection(ConfigShape.rawClass(ConfigShape.typeArgument(generic, 0)))) {
          out.add(new Leaf(childPath, Kind.LIST));
        }
      } else if (Map.class.isAssignableFrom(raw)) {
        out.add(new Leaf(childPath, Kind.MAP));
      } else {
        out.add(new Leaf(childPath, Kind.SCALAR));
      }
    }
    return out;
  }
}
