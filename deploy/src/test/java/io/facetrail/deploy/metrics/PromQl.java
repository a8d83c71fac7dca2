package io.facetrail.deploy.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the series selectors of a PromQL expression (as Grafana stores it, with {@code $variables}
 * inside). A small tokenizer rather than a full parser: it needs to tell metric names from
 * functions, aggregation modifiers, keywords, label lists, durations and string literals, which
 * PromQL's lexical rules make possible without building the expression tree.
 */
public final class PromQl {
  /** Words that are never metric names where they stand alone. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "atan2",
          "inf",
          "nan");

  /** Modifiers whose parenthesised argument is a list of label names, not an expression. */
  private static final Set<String> LABEL_LIST_MODIFIERS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  /** Aggregation operators: their modifier may stand between the name and the parenthesis. */
  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  private PromQl() {}

  /** Every selector of {@code expr}, in order of appearance. */
  public static List<Selector> selectors(String expr) {
    List<Token> tokens = tokenize(expr);
    List<Selector> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind != Kind.IDENT) {
        continue;
      }
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      String word = t.text;
      if (LABEL_LIST_MODIFIERS.contains(word) && next != null && next.is("(")) {
        i = skipTo(tokens, i + 1, ")");
      } else if (KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        if (word.equals("offset")) {
          i++; // the duration
        }
      } else if (next != null && next.is("(")) {
        continue; // a function or aggregation
      } else if (AGGREGATIONS.contains(word)
          && next != null
          && next.kind == Kind.IDENT
          && (next.text.equals("by") || next.text.equals("without"))) {
        continue; // `sum by (le) (...)`: the modifier's label list is skipped next
      } else if (next != null && next.is("{")) {
        int close = skipTo(tokens, i + 1, "}");
        out.add(new Selector(word, matchers(tokens.subList(i + 2, close), expr)));
        i = close;
      } else {
        out.add(new Selector(word, List.of()));
      }
    }
    return out;
  }

  private static List<Selector.Matcher> matchers(List<Token> inside, String expr) {
    List<Selector.Matcher> out = new ArrayList<>();
    int i = 0;
    while (i < inside.size()) {
      if (inside.get(i).is(",")) {
        i++;
        continue;
      }
      if (i + 2 >= inside.size()
          || inside.get(i).kind != Kind.IDENT
          || inside.get(i + 1).kind != Kind.OP
          || inside.get(i + 2).kind != Kind.STRING) {
        throw new IllegalArgumentException("malformed label matchers in: " + expr);
      }
      out.add(
          new Selector.Matcher(inside.get(i).text, inside.get(i + 1).text, inside.get(i + 2).text));
      i += 3;
    }
    return out;
  }

  private static int skipTo(List<Token> tokens, int from, String closing) {
    for (int j = from; j < tokens.size(); j++) {
      if (tokens.get(j).is(closing)) {
        return j;
      }
    }
    throw new IllegalArgumentException("unbalanced '" + closing + "'");
  }

  private enum Kind {
    IDENT,
    STRING,
    NUMBER,
    VARIABLE,
    OP,
    PUNCT
  }

  private record Token(Kind kind, String text) {
    boolean is(String s) {
      return (kind == Kind.PUNCT || kind == Kind.OP) && text.equals(s);
    }
  }

  private static List<Token> tokenize(String expr) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && expr.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        for (; j < n && expr.charAt(j) != c; j++) {
          if (expr.charAt(j) == '\\' && c != '`') {
            j++;
          }
          sb.append(expr.charAt(j));
        }
        if (j >= n) {
          throw new IllegalArgumentException("unterminated string in: " + expr);
        }
        out.add(new Token(Kind.STRING, sb.toString()));
        i = j + 1;
      } else if (c == '[') {
        // A range or subquery duration ([5m], [$__rate_interval], [1h:5m]): no selector inside.
        int j = expr.indexOf(']', i);
        if (j < 0) {
          throw new IllegalArgumentException("unbalanced '[' in: " + expr);
        }
        i = j + 1;
      } else if (c == '$') {
        int j = i + 1;
        if (j < n && expr.charAt(j) == '{') {
          j = expr.indexOf('}', j) + 1;
        } else {
          while (j < n && Exposition.isNameChar(expr.charAt(j), false)) {
            j++;
          }
        }
        out.add(new Token(Kind.VARIABLE, expr.substring(i, j)));
        i = j;
      } else if (Exposition.isNameChar(c, true)) {
        int j = i + 1;
        while (j < n && Exposition.isNameChar(expr.charAt(j), false)) {
          j++;
        }
        out.add(new Token(Kind.IDENT, expr.substring(i, j)));
        i = j;
      } else if (Character.isDigit(c) || c == '.') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(Kind.NUMBER, expr.substring(i, j)));
        i = j;
      } else if ("=!~<>".indexOf(c) >= 0) {
        int j = i + 1;
        while (j < n && "=~".indexOf(expr.charAt(j)) >= 0) {
          j++;
        }
        out.add(new Token(Kind.OP, expr.substring(i, j)));
        i = j;
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c)));
        i++;
      }
    }
    return out;
  }
}
