package io.facetrail.matcher.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OpenSetRuleTest {
  @Test
  void oneComparisonPerPersonAtFarGivesFpirOneMinusSurvivalToTheN() {
    double far = OpenSetRule.falseAcceptRate(1e-2, 1000);
    // 1 - 0.99^(1/1000) = 1.00503e-5
    assertThat(far).isCloseTo(1.005034e-5, within(1e-10));
    assertThat(Math.pow(1 - far, 1000)).isCloseTo(0.99, within(1e-12));
  }

  @Test
  void isExactForTinyRatesWhereNaiveArithmeticCancels() {
    double far = OpenSetRule.falseAcceptRate(1e-3, 3_000_000);
    assertThat(far).isCloseTo(1e-3 / 3e6, within(1e-3 / 3e6 * 1e-3));
    assertThat(OpenSetRule.fpir(far, 3_000_000)).isCloseTo(1e-3, within(1e-12));
  }

  @Test
  void fpirAndFarAreInversesAtEveryGallerySize() {
    for (int n : new int[] {1, 2, 100, 1000, 3554, 1_000_000}) {
      for (double fpir : new double[] {1e-1, 1e-2, 1e-3}) {
        assertThat(OpenSetRule.fpir(OpenSetRule.falseAcceptRate(fpir, n), n))
            .isCloseTo(fpir, within(fpir * 1e-9));
      }
    }
  }

  @Test
  void largerGalleriesNeedStricterComparisons() {
    assertThat(OpenSetRule.falseAcceptRate(1e-2, 100))
        .isGreaterThan(OpenSetRule.falseAcceptRate(1e-2, 1000));
    assertThat(OpenSetRule.falseAcceptRate(1e-2, 1)).isCloseTo(1e-2, within(1e-15));
    assertThat(OpenSetRule.falseAcceptRate(1e-2, 0)).isCloseTo(1e-2, within(1e-15));
  }

  @Test
  void refusesRatesOutsideZeroToOne() {
    assertThatThrownBy(() -> OpenSetRule.falseAcceptRate(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenSetRule.falseAcceptRate(1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenSetRule.fpir(-1e-3, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
