package io.facetrail.deploy.metrics;

import java.util.Map;

/**
 * One sample of the Prometheus text exposition: the full sample name (with {@code _total}, {@code
 * _bucket}, ... as PromQL sees it), its labels and its value.
 */
public record Sample(String name, Map<String, String> labels, double value) {
  public Sample {
    labels = Map.copyOf(labels);
  }
}
