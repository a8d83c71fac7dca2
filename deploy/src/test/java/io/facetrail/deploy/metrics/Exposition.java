package io.facetrail.deploy.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Prometheus text format (version 0.0.4) that the services' {@code /metrics} serves.
 * Strict: a line that is neither a comment nor a well-formed sample fails the parse, so a broken
 * endpoint cannot pass for an empty one.
 */
public final class Exposition {
  private Exposition() {}

  public static List<Sample> parse(String text) {
    List<Sample> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(sample(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not a sample: '" + line + "' (" + e.getMessage() + ")", e);
      }
    }
    return out;
  }

  private static Sample sample(String line) {
    int pos = 0;
    while (pos < line.length() && isNameChar(line.charAt(pos), pos == 0)) {
      pos++;
    }
    if (pos == 0) {
      throw new IllegalArgumentException("no metric name");
    }
    String name = line.substring(0, pos);
    Map<String, String> labels = new LinkedHashMap<>();
    if (pos < line.length() && line.charAt(pos) == '{') {
      pos = labels(line, pos + 1, labels);
    }
    String[] rest = line.substring(pos).strip().split("\\s+");
    return new Sample(name, labels, value(rest[0]));
  }

  /** Reads {@code name="value",...}} from {@code pos}; returns the index after the brace. */
  private static int labels(String line, int pos, Map<String, String> labels) {
    while (true) {
      while (line.charAt(pos) == ' ' || line.charAt(pos) == ',') {
        pos++;
      }
      if (line.charAt(pos) == '}') {
        return pos + 1;
      }
      int eq = line.indexOf('=', pos);
      String label = line.substring(pos, eq).strip();
      if (line.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("label " + label + " has no quoted value");
      }
      StringBuilder value = new StringBuilder();
      int i = eq + 2;
      for (; line.charAt(i) != '"'; i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          char next = line.charAt(++i);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      labels.put(label, value.toString());
      pos = i + 1;
    }
  }

  private static double value(String s) {
    return switch (s) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  static boolean isNameChar(char c, boolean first) {
    return c == '_'
        || c == ':'
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (!first && c >= '0' && c <= '9');
  }
}
