package io.facetrail.deploy.metrics;

import java.util.List;

/**
 * A series selector found in a PromQL expression: the metric name and its label matchers.
 *
 * @param metric the sample name as written ({@code foo_seconds_bucket}, {@code foo_total}, ...)
 * @param matchers the label matchers between the braces, in order
 */
public record Selector(String metric, List<Matcher> matchers) {
  public Selector {
    matchers = List.copyOf(matchers);
  }

  /**
   * One label matcher.
   *
   * @param label the label name
   * @param op {@code =}, {@code !=}, {@code =~} or {@code !~}
   * @param value the value or regular expression (Grafana variables left as written)
   */
  public record Matcher(String label, String op, String value) {
    /** Whether the value holds a Grafana variable, known only when the dashboard runs. */
    public boolean templated() {
      return value.contains("$");
    }
  }
}
