package io.facetrail.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTest {
  private static List<String> metrics(String expr) {
    return PromQl.selectors(expr).stream().map(Selector::metric).toList();
  }

  @Test
  void aFunctionAndItsRangeAreNotMetrics() {
    assertThat(metrics("rate(facetrail_embedder_faces_total[$__rate_interval])"))
        .containsExactly("facetrail_embedder_faces_total");
  }

  @Test
  void aggregationModifiersBeforeOrAfterTheArgumentHoldLabelsNotMetrics() {
    assertThat(metrics("sum by (type) (rate(a_total[5m])) * 60")).containsExactly("a_total");
    assertThat(metrics("sum(rate(a_total[5m])) without (instance, pod)"))
        .containsExactly("a_total");
    assertThat(metrics("histogram_quantile(0.99, sum by (le, stage) (rate(x_seconds_bucket[1m])))"))
        .containsExactly("x_seconds_bucket");
  }

  @Test
  void binaryOperationsKeepBothSides() {
    assertThat(
            metrics(
                "sum(rate(t_seconds_sum[5m])) / on (service) group_left sum(rate(t_seconds_count[5m]))"))
        .containsExactly("t_seconds_sum", "t_seconds_count");
    assertThat(metrics("a > 0 and b unless c offset 5m")).containsExactly("a", "b", "c");
  }

  @Test
  void labelMatchersAreReadWithTheirOperatorsAndVariables() {
    Selector s =
        PromQl.selectors(
                "max(lag{service=~\"embedder|tracker\", client_id!~\".*restore\", stream=\"$s\"})")
            .get(0);
    assertThat(s.metric()).isEqualTo("lag");
    assertThat(s.matchers())
        .containsExactly(
            new Selector.Matcher("service", "=~", "embedder|tracker"),
            new Selector.Matcher("client_id", "!~", ".*restore"),
            new Selector.Matcher("stream", "=", "$s"));
    assertThat(s.matchers().get(2).templated()).isTrue();
  }

  @Test
  void brokenExpressionsAreReported() {
    assertThatThrownBy(() -> PromQl.selectors("rate(x{a=\"b}[5m])"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PromQl.selectors("x{a b}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
