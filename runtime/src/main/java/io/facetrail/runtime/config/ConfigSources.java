package io.facetrail.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading configuration trees from resources and files, and merging them. */
final class ConfigSources {
  private ConfigSources() {}

  static ObjectNode resource(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in defaults missing from the class path: " + resource);
      }
      JsonNode node = ConfigMapper.get().readTree(in);
      return node instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in defaults " + resource, e);
    }
  }

  /** Reads a YAML, JSON or properties file; problems are recorded, not thrown. */
  static ObjectNode file(Path file, ConfigProblems problems) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      problems.add(where, Files.exists(file) ? "is not a regular file" : "file not found");
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".properties")) {
        return properties(file);
      }
      JsonNode node = ConfigMapper.get().readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!(node instanceof ObjectNode o)) {
        problems.add(where, "must hold a mapping of settings at the top level");
        return JsonNodeFactory.instance.objectNode();
      }
      return o;
    } catch (JacksonException e) {
      problems.add(where, "cannot be parsed: " + e.getOriginalMessage() + locationOf(e));
    } catch (IOException e) {
      problems.add(where, "cannot be read: " + e.getMessage());
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private static String locationOf(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static ObjectNode properties(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      props.load(r);
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<Object, Object> e : props.entrySet()) {
      set(root, e.getKey().toString(), e.getValue().toString());
    }
    return root;
  }

  /** Sets a dotted path to a text value, creating sections on the way. */
  static void set(ObjectNode root, String dottedPath, String value) {
    int dot = dottedPath.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? root : section(root, dottedPath.substring(0, dot));
    String name = dottedPath.substring(dot + 1);
    if (parent.get(name) instanceof ArrayNode) {
      // A list setting takes a comma-separated value, as its environment variable does.
      parent.set(name, list(value));
    } else {
      parent.put(name, value);
    }
  }

  /** The items of a comma-separated value, trimmed, empty ones left out. */
  static ArrayNode list(String value) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        array.add(item.trim());
      }
    }
    return array;
  }

  /** The section at a dotted path, created (replacing any scalar) when missing. */
  static ObjectNode section(ObjectNode root, String dottedPath) {
    ObjectNode node = root;
    for (String part : dottedPath.split("\\.")) {
      JsonNode child = node.get(part);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(part);
      }
      node = (ObjectNode) child;
    }
    return node;
  }

  /** Deep-merges {@code overlay} into {@code base}: sections merge, everything else replaces. */
  static void merge(ObjectNode base, ObjectNode overlay) {
    for (Map.Entry<String, JsonNode> e : overlay.properties()) {
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode b && e.getValue() instanceof ObjectNode o) {
        merge(b, o);
      } else {
        base.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
