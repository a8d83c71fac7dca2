package io.facetrail.faces.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a TensorFlow graph: its operation, its inputs (names of other nodes, {@code name:1}
 * for a second output) and its decoded attributes (strings, numbers, booleans, lists of them).
 */
public record GraphNode(String name, String op, List<String> inputs, Map<String, Object> attrs) {
  public GraphNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
    inputs = List.copyOf(inputs);
    attrs = Map.copyOf(attrs);
  }

  /** A string attribute, or {@code fallback}. */
  public String string(String key, String fallback) {
    Object v = attrs.get(key);
    return v instanceof String s ? s : fallback;
  }

  /** A list-of-strings attribute (e.g. {@code fused_ops}), empty when absent. */
  public List<String> strings(String key) {
    Object v = attrs.get(key);
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** A list-of-integers attribute (e.g. {@code strides}), empty when absent. */
  public List<Long> longs(String key) {
    Object v = attrs.get(key);
    if (v instanceof List<?> l) {
      return l.stream().map(x -> Long.parseLong(String.valueOf(x))).toList();
    }
    return List.of();
  }

  /** An integer attribute (e.g. {@code block_size}), or {@code fallback}. */
  public long integer(String key, long fallback) {
    Object v = attrs.get(key);
    return v instanceof Long l ? l : fallback;
  }

  /** A boolean attribute, or {@code fallback}. */
  public boolean bool(String key, boolean fallback) {
    Object v = attrs.get(key);
    return v instanceof Boolean b ? b : fallback;
  }
}
