package io.facetrail.faces.graph;

import io.facetrail.faces.weights.TfjsWeightLoader;
import io.facetrail.faces.weights.WeightFormatException;
import io.facetrail.faces.weights.WeightSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TensorFlow.js graph model as read from its {@code model.json}: the nodes in file order and the
 * constant tensors from its weight shards.
 *
 * @param nodes every node, in file order (not necessarily topological)
 * @param weights the constants, by node name
 */
public record TfGraph(List<GraphNode> nodes, WeightSet weights) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * Reads {@code model.json} and its shards.
   *
   * @throws WeightFormatException for a file that is not a readable graph model
   */
  public static TfGraph read(Path modelJson) {
    JsonNode root;
    try {
      root = MAPPER.readTree(modelJson.toFile());
    } catch (JacksonException e) {
      throw new WeightFormatException(
          "malformed graph model " + modelJson + ": " + e.getOriginalMessage(), e);
    }
    JsonNode nodes = root.path("modelTopology").path("node");
    if (!nodes.isArray() || nodes.isEmpty()) {
      throw new WeightFormatException(modelJson + " has no modelTopology.node: not a graph model");
    }
    List<GraphNode> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      List<String> inputs = new ArrayList<>();
      for (JsonNode i : n.path("input")) {
        inputs.add(i.asString());
      }
      Map<String, Object> attrs = new LinkedHashMap<>();
      for (var e : n.path("attr").properties()) {
        Object v = decode(e.getValue());
        if (v != null) {
          attrs.put(e.getKey(), v);
        }
      }
      out.add(new GraphNode(n.path("name").asString(), n.path("op").asString(), inputs, attrs));
    }
    return new TfGraph(List.copyOf(out), TfjsWeightLoader.loadGraphModel(modelJson));
  }

  /** An attribute value: strings are base64 in the file; lists hold strings or integers. */
  private static Object decode(JsonNode v) {
    if (v.has("s")) {
      return text(v.get("s"));
    }
    if (v.has("b")) {
      return v.get("b").asBoolean();
    }
    if (v.has("i")) {
      return Long.parseLong(v.get("i").asString());
    }
    if (v.has("f")) {
      return v.get("f").asDouble();
    }
    if (v.has("type")) {
      return v.get("type").asString();
    }
    if (v.has("list")) {
      JsonNode l = v.get("list");
      List<Object> items = new ArrayList<>();
      for (JsonNode s : l.path("s")) {
        items.add(text(s));
      }
      for (JsonNode i : l.path("i")) {
        items.add(Long.parseLong(i.asString()));
      }
      return items;
    }
    return null; // shapes: not needed to run the graph
  }

  private static String text(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asString()), StandardCharsets.US_ASCII);
  }

  /** The node named {@code name}. */
  public GraphNode node(String name) {
    for (GraphNode n : nodes) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    throw new WeightFormatException("graph has no node " + name);
  }
}
