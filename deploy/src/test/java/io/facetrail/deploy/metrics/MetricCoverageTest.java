package io.facetrail.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricCoverageTest {
  private static final String EMBEDDER =
      """
      # HELP facetrail_embedder_faces_total Faces found and embedded
      # TYPE facetrail_embedder_faces_total counter
      facetrail_embedder_faces_total{service="embedder"} 12.0
      facetrail_embedder_batch_latency_seconds_bucket{service="embedder",le="0.1"} 3
      facetrail_embedder_batch_latency_seconds_bucket{service="embedder",le="+Inf"} 4
      """;
  private static final String TRACKER =
      """
      facetrail_tracker_frames_total{disposition="tracked",service="tracker"} 7.0
      """;

  private final MetricCoverage coverage =
      new MetricCoverage(
          Map.of(
              "embedder", Exposition.parse(EMBEDDER),
              "tracker", Exposition.parse(TRACKER)));

  private static DashboardQuery query(String expr) {
    return new DashboardQuery(Path.of("d.json"), "panel", expr);
  }

  @Test
  void exportedSeriesAreCovered() {
    assertThat(
            coverage.problems(
                List.of(
                    query("sum(rate(facetrail_embedder_faces_total[$__rate_interval]))"),
                    query(
                        "histogram_quantile(0.9, sum by (le)"
                            + " (rate(facetrail_embedder_batch_latency_seconds_bucket[5m])))"),
                    query("facetrail_tracker_frames_total{service=~\"$service\"}"))))
        .isEmpty();
  }

  @Test
  void aMissingSuffixOrNameIsReportedWithTheNamesThatExist() {
    List<String> problems = coverage.problems(List.of(query("rate(facetrail_embedder_faces[5m])")));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .contains("no sample of facetrail_embedder_faces")
        .contains("facetrail_embedder_faces_total (embedder)");
  }

  @Test
  void literalLabelMatchersMustMatchASample() {
    assertThat(
            coverage.problems(
                List.of(
                    query("facetrail_tracker_frames_total{service=\"embedder\"}"),
                    query("facetrail_tracker_frames_total{disposition=~\"tra.*\"}"))))
        .hasSize(1)
        .first()
        .asString()
        .contains("service=\"embedder\"");
  }

  @Test
  void aQueryWithoutMetricIsAProblem() {
    assertThat(coverage.problems(List.of(query("vector(1)")))).hasSize(1);
  }

  @Test
  void malformedExpositionLinesFailTheParse() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Exposition.parse("good_metric 1\n{broken} 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }
}
