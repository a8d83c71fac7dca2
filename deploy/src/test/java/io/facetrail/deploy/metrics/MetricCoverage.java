package io.facetrail.deploy.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks dashboard queries against scraped samples: every selector must match at least one sample
 * of the services it is restricted to. A selector's literal label matchers are applied (so a panel
 * that filters on {@code service="tracker"} needs that series from the tracker, not any service);
 * matchers holding Grafana variables are left out, since their values are only known at run time.
 */
public final class MetricCoverage {
  /** Series that Prometheus itself adds for every target; no service exports them. */
  private static final List<String> PROMETHEUS_SERIES = List.of("up", "scrape_duration_seconds");

  private final Map<String, List<Sample>> byService;

  /**
   * @param byService the samples each service exported (service name to its samples)
   */
  public MetricCoverage(Map<String, List<Sample>> byService) {
    this.byService = Map.copyOf(byService);
  }

  /** One line per selector that matches nothing; empty when every query is covered. */
  public List<String> problems(List<DashboardQuery> queries) {
    List<String> out = new ArrayList<>();
    for (DashboardQuery q : queries) {
      List<Selector> selectors;
      try {
        selectors = PromQl.selectors(q.expr());
      } catch (IllegalArgumentException e) {
        out.add(q + " -> cannot be read: " + e.getMessage());
        continue;
      }
      if (selectors.isEmpty()) {
        out.add(q + " -> queries no metric");
      }
      for (Selector s : selectors) {
        if (PROMETHEUS_SERIES.contains(s.metric()) || matches(s)) {
          continue;
        }
        out.add(q + " -> no sample of " + describe(s) + hint(s.metric()));
      }
    }
    return out;
  }

  private boolean matches(Selector s) {
    for (List<Sample> samples : byService.values()) {
      for (Sample sample : samples) {
        if (sample.name().equals(s.metric()) && labelsMatch(s, sample)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean labelsMatch(Selector s, Sample sample) {
    for (Selector.Matcher m : s.matchers()) {
      if (m.templated()) {
        continue;
      }
      String actual = sample.labels().getOrDefault(m.label(), "");
      boolean ok =
          switch (m.op()) {
            case "=" -> actual.equals(m.value());
            case "!=" -> !actual.equals(m.value());
            case "=~" -> regex(m.value()).matcher(actual).matches();
            case "!~" -> !regex(m.value()).matcher(actual).matches();
            default -> throw new IllegalArgumentException("unknown matcher operator " + m.op());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Pattern regex(String promRegex) {
    try {
      return Pattern.compile(promRegex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad regular expression " + promRegex, e);
    }
  }

  private static String describe(Selector s) {
    StringBuilder sb = new StringBuilder(s.metric());
    if (!s.matchers().isEmpty()) {
      sb.append('{');
      for (Selector.Matcher m : s.matchers()) {
        sb.append(m.label()).append(m.op()).append('"').append(m.value()).append("\",");
      }
      sb.setLength(sb.length() - 1);
      sb.append('}');
    }
    return sb.toString();
  }

  /** Names that share the metric's stem, to point at a wrong suffix or a typo. */
  private String hint(String metric) {
    String stem = metric.replaceAll("_(bucket|sum|count|total|max|created)$", "");
    TreeSet<String> similar = new TreeSet<>();
    byService.forEach(
        (service, samples) -> {
          for (Sample s : samples) {
            if (s.name().startsWith(stem)) {
              similar.add(s.name() + " (" + service + ")");
            }
          }
        });
    return similar.isEmpty() ? "" : "; exported with that stem: " + similar;
  }
}
