package io.facetrail.evaluation.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OpenSetScoresTest {
  private static final double NEVER = Double.POSITIVE_INFINITY;

  private static double[] strangers(int count) {
    // Ten strangers named at 0.30, 0.31, ..., the rest never.
    double[] s = new double[count];
    for (int i = 0; i < count; i++) {
      s[i] = i < 10 ? 0.30 + i * 0.01 : NEVER;
    }
    return s;
  }

  @Test
  void ratesCountSearchesAtOrBelowTheThreshold() {
    OpenSetScores s = new OpenSetScores(new double[] {0.2, 0.25, 0.35, NEVER}, strangers(100));
    assertThat(s.fpirAt(0.30)).isEqualTo(0.01);
    assertThat(s.fpirAt(0.295)).isZero();
    assertThat(s.fnirAt(0.25)).isEqualTo(0.5);
    assertThat(s.fnirAt(1.0)).isEqualTo(0.25); // The wrong or ambiguous one is never identified.
    assertThat(s.fnirAt(Double.POSITIVE_INFINITY)).isEqualTo(0.25);
    assertThat(s.fpirAt(Double.POSITIVE_INFINITY)).isEqualTo(0.1);
  }

  @Test
  void theDetThresholdAdmitsExactlyTheAllowedStrangers() {
    OpenSetScores s = new OpenSetScores(new double[] {0.2, 0.32, 0.5}, strangers(100));
    double t = s.thresholdAtFpir(0.05);
    assertThat(s.fpirAt(t)).isEqualTo(0.05);
    assertThat(t).isLessThan(0.35).isGreaterThan(0.339);
    assertThat(s.fnirAt(t)).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void anFpirBelowOneStrangerCannotBeMeasured() {
    OpenSetScores s = new OpenSetScores(new double[] {0.2}, strangers(100));
    assertThat(s.thresholdAtFpir(1e-3)).isNaN();
    assertThat(OpenSetEval.det(s, new double[] {1e-3}).get(0).get("fnir")).isNull();
  }

  @Test
  void theDetCurveHasOnePointPerStrangerNamed() {
    OpenSetScores s = new OpenSetScores(new double[] {0.2, 0.5}, strangers(100));
    double[][] curve = DetChart.curve(s);
    assertThat(curve).hasNumberOfRows(10);
    assertThat(curve[0][0]).isEqualTo(0.01);
    assertThat(curve[9][1]).isEqualTo(0.5);
  }

  @Test
  void eachSearchCanBeJudgedAtTheThresholdForItsOwnFaces() {
    OpenSetScores s =
        new OpenSetScores(
            new double[] {0.30, 0.20, NEVER},
            new double[] {0.33, 0.25, 0.36, NEVER},
            new int[] {5, 1, 3},
            new int[] {5, 1, 1, 3});
    // One face: 0.35; aggregates: 0.28. Strangers 0.25 (1 face) and 0.33 (5 faces): only the
    // first is named; 0.36 (1 face) is not.
    assertThat(s.fpirAt(f -> f == 1 ? 0.35 : 0.28)).isEqualTo(1 / 4.0);
    // Mated 0.20 (1 face) identified, 0.30 (5 faces) not, NEVER not.
    assertThat(s.fnirAt(f -> f == 1 ? 0.35 : 0.28))
        .isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
  }
}
