package io.facetrail.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The promtool wrapper: it finds the problems the services' exposition must not have. */
class PromToolTest {
  private static final String EXPOSITION =
      "# HELP jvm_threads_live_threads live threads\n"
          + "# TYPE jvm_threads_live_threads gauge\n"
          + "jvm_threads_live_threads 12.0\n"
          + "# HELP facetrail_ok_total Something counted\n"
          + "# TYPE facetrail_ok_total counter\n"
          + "facetrail_ok_total{stage=\"tracker\"} 0.0\n"
          + "# HELP facetrail_undescribed \n"
          + "# TYPE facetrail_undescribed gauge\n"
          + "facetrail_undescribed 1.0\n";

  @Test
  void onlyFaceTrailFamiliesAreKept() {
    String ours = PromTool.faceTrailFamilies(EXPOSITION);
    assertThat(ours).doesNotContain("jvm_").contains("facetrail_ok_total{stage=\"tracker\"} 0.0");
    assertThat(ours.lines()).hasSize(6);
  }

  @Test
  void aFamilyWithoutHelpTextIsReported() {
    String promtool = PromTool.require();
    assertThat(PromTool.check(promtool, PromTool.faceTrailFamilies(EXPOSITION)))
        .containsExactly("facetrail_undescribed no help text");
    assertThat(
            PromTool.check(
                promtool,
                "# HELP facetrail_ok_total Something counted\n"
                    + "# TYPE facetrail_ok_total counter\n"
                    + "facetrail_ok_total 0.0\n"))
        .isEmpty();
  }
}
