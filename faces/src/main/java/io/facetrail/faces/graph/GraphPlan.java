package io.facetrail.faces.graph;

import io.facetrail.faces.weights.WeightFormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes a graph must run to produce one output, in dependency order, after removing branches
 * that are provably zero. Converted graphs often spell PReLU as {@code relu(x) + a * (x - |x|)};
 * where {@code x} is already the output of a ReLU, {@code x - |x|} is zero and the whole branch
 * (four full-size tensor operations) is dropped. Elsewhere the five operations become one {@link
 * #SPELLED_PRELU} node (inputs x and a), which runs as a single PReLU with slope 2a, since {@code x
 * - |x|} is {@code 2 min(x, 0)}.
 */
final class GraphPlan {
  /** Marks a value known to be all zeros (never computed). */
  static final String ZERO = "\u0000zero";

  /** Operation of a recognised {@code relu(x) + a * (x - |x|)}: inputs x and a. */
  static final String SPELLED_PRELU = "_SpelledPrelu";

  private final List<GraphNode> steps;
  private final Map<String, String> alias;
  private final String input;
  private final List<String> outputs;

  private GraphPlan(
      List<GraphNode> steps, Map<String, String> alias, String input, List<String> outputs) {
    this.steps = steps;
    this.alias = alias;
    this.input = input;
    this.outputs = outputs;
  }

  /**
   * Plans the computation of {@code output} (null: the one node nothing else consumes).
   *
   * @throws WeightFormatException when the graph has no single input or output, or a cycle
   */
  static GraphPlan of(TfGraph graph, String output) {
    return ofAll(graph, List.of(output != null ? output : soleSink(graph)));
  }

  /**
   * Plans the computation of several outputs at once (a detector's score and box heads), sharing
   * every node they have in common.
   *
   * @throws WeightFormatException when the graph has no single input, a named output is missing, or
   *     the graph has a cycle
   */
  static GraphPlan ofAll(TfGraph graph, List<String> wanted) {
    Map<String, GraphNode> byName = new LinkedHashMap<>();
    for (GraphNode n : graph.nodes()) {
      byName.put(n.name(), n);
    }
    List<GraphNode> placeholders =
        graph.nodes().stream().filter(n -> n.op().equals("Placeholder")).toList();
    if (placeholders.size() != 1) {
      throw new WeightFormatException(
          "graph needs exactly one input placeholder, has " + placeholders.size());
    }
    for (String out : wanted) {
      if (!byName.containsKey(out)) {
        throw new WeightFormatException("graph has no node " + out);
      }
    }
    List<GraphNode> order = topological(byName, wanted);
    Map<String, String> alias = new HashMap<>();
    Set<String> nonNegative = new HashSet<>();
    List<GraphNode> kept = new ArrayList<>();
    Map<String, GraphNode> keptByName = new HashMap<>();
    for (GraphNode n : order) {
      List<String> in = n.inputs().stream().map(i -> resolve(alias, i)).toList();
      String op = n.op();
      String replacement = null;
      if (op.equals("Identity")) {
        replacement = in.get(0);
      } else if (op.equals("Abs") && nonNegative.contains(in.get(0))) {
        replacement = in.get(0);
      } else if (op.equals("Sub") && in.get(0).equals(in.get(1))) {
        replacement = ZERO;
      } else if (op.equals("Mul") && (in.get(0).equals(ZERO) || in.get(1).equals(ZERO))) {
        replacement = ZERO;
      } else if ((op.equals("Add") || op.equals("AddV2") || op.equals("Sub"))
          && in.get(1).equals(ZERO)) {
        replacement = in.get(0);
      } else if ((op.equals("Add") || op.equals("AddV2")) && in.get(0).equals(ZERO)) {
        replacement = in.get(1);
      }
      if (replacement != null) {
        alias.put(n.name(), replacement);
        continue;
      }
      if (producesNonNegative(n)) {
        nonNegative.add(n.name());
      }
      GraphNode node = spelledPrelu(n.name(), op, in, keptByName);
      if (node == null) {
        node = new GraphNode(n.name(), op, in, n.attrs());
      }
      kept.add(node);
      keptByName.put(node.name(), node);
    }
    List<String> finalOuts = wanted.stream().map(o -> resolve(alias, o)).toList();
    List<GraphNode> needed = reachable(kept, finalOuts);
    String in = placeholders.get(0).name();
    return new GraphPlan(needed, Map.copyOf(alias), in, finalOuts);
  }

  /** {@code Add(Relu(x), Mul(Sub(x, Abs(x)), a))} as one node, or null for anything else. */
  private static GraphNode spelledPrelu(
      String name, String op, List<String> in, Map<String, GraphNode> kept) {
    if (!(op.equals("Add") || op.equals("AddV2")) || in.size() != 2) {
      return null;
    }
    GraphNode relu = kept.get(in.get(0));
    GraphNode mul = kept.get(in.get(1));
    if (relu == null || mul == null || !relu.op().equals("Relu") || !mul.op().equals("Mul")) {
      return null;
    }
    String x = relu.inputs().get(0);
    GraphNode sub = kept.get(mul.inputs().get(0));
    if (sub == null || !sub.op().equals("Sub") || !sub.inputs().get(0).equals(x)) {
      return null;
    }
    GraphNode abs = kept.get(sub.inputs().get(1));
    if (abs == null || !abs.op().equals("Abs") || !abs.inputs().get(0).equals(x)) {
      return null;
    }
    return new GraphNode(name, SPELLED_PRELU, List.of(x, mul.inputs().get(1)), Map.of());
  }

  private static boolean producesNonNegative(GraphNode n) {
    return switch (n.op()) {
      case "Relu", "Relu6", "Abs", "Square", "Sqrt", "Rsqrt" -> true;
      case "_FusedConv2D", "FusedDepthwiseConv2dNative" -> {
        List<String> fused = n.strings("fused_ops");
        yield !fused.isEmpty()
            && (fused.get(fused.size() - 1).equals("Relu")
                || fused.get(fused.size() - 1).equals("Relu6"));
      }
      default -> false;
    };
  }

  private static String resolve(Map<String, String> alias, String name) {
    String n = name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
    String r = alias.get(n);
    return r == null ? n : r;
  }

  private static String soleSink(TfGraph graph) {
    Set<String> consumed = new HashSet<>();
    for (GraphNode n : graph.nodes()) {
      n.inputs().forEach(i -> consumed.add(i.split(":")[0]));
    }
    List<String> sinks =
        graph.nodes().stream()
            .filter(n -> !n.op().equals("Const") && !consumed.contains(n.name()))
            .map(GraphNode::name)
            .toList();
    if (sinks.size() != 1) {
      throw new WeightFormatException(
          "graph has " + sinks.size() + " outputs; name the one wanted");
    }
    return sinks.get(0);
  }

  /** Dependency order of the nodes {@code out} needs (depth-first, iterative). */
  private static List<GraphNode> topological(Map<String, GraphNode> byName, List<String> outs) {
    List<GraphNode> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> open = new HashSet<>();
    Deque<String[]> stack = new ArrayDeque<>();
    for (int i = outs.size() - 1; i >= 0; i--) {
      stack.push(new String[] {outs.get(i), "enter"});
    }
    while (!stack.isEmpty()) {
      String[] top = stack.pop();
      String name = top[0];
      if (top[1].equals("exit")) {
        open.remove(name);
        done.add(name);
        order.add(byName.get(name));
        continue;
      }
      if (done.contains(name)) {
        continue;
      }
      if (!open.add(name)) {
        throw new WeightFormatException("graph has a cycle through " + name);
      }
      GraphNode n = byName.get(name);
      if (n == null) {
        throw new WeightFormatException("graph refers to a missing node " + name);
      }
      stack.push(new String[] {name, "exit"});
      for (String i : n.inputs()) {
        String dep = i.split(":")[0];
        if (!done.contains(dep)) {
          stack.push(new String[] {dep, "enter"});
        }
      }
    }
    return order;
  }

  private static List<GraphNode> reachable(List<GraphNode> nodes, List<String> outs) {
    Map<String, GraphNode> byName = new HashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    Set<String> needed = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(outs);
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (needed.add(n) && byName.containsKey(n)) {
        todo.addAll(byName.get(n).inputs());
      }
    }
    return nodes.stream().filter(n -> needed.contains(n.name())).toList();
  }

  List<GraphNode> steps() {
    return steps;
  }

  String input() {
    return input;
  }

  /** The first (or only) output. */
  String output() {
    return outputs.get(0);
  }

  /** Every planned output, in the order asked for. */
  List<String> outputs() {
    return outputs;
  }

  /** What a node's name now stands for (itself, another node, or {@link #ZERO}). */
  String resolve(String name) {
    return resolve(alias, name);
  }
}
