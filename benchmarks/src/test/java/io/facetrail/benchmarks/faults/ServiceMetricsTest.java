package io.facetrail.benchmarks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {
  private static final String SCRAPE =
      """
      # HELP facetrail_matcher_deferred_total Decisions held back
      # TYPE facetrail_matcher_deferred_total counter
      facetrail_matcher_deferred_total{service="matcher"} 2.0
      facetrail_matcher_deferred_total_other 7.0
      facetrail_matcher_decisions_total{type="unknown"} 1.0
      facetrail_matcher_decisions_total{type="identified"} 2.0
      """;

  @Test
  void sumsEverySeriesOfTheFamilyAndNothingElse() {
    assertThat(ServiceMetrics.sumOf(SCRAPE, "facetrail_matcher_deferred_total")).hasValue(2.0);
    assertThat(ServiceMetrics.sumOf(SCRAPE, "facetrail_matcher_decisions_total")).hasValue(3.0);
  }

  @Test
  void aMissingFamilyIsEmpty() {
    assertThat(ServiceMetrics.sumOf(SCRAPE, "facetrail_nothing_total")).isEmpty();
  }
}
