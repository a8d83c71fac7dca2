package io.facetrail.evaluation.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkChoiceTest {
  private static SweepChart.Point point(double rate, double precision, double recall) {
    return new SweepChart.Point(
        rate, new ClusterScores(10, 5, 5, 0, 10, 0, 0, 2, List.of(), 1, 1, precision, recall));
  }

  @Test
  void takesTheBestFOfThePreciseEnoughRatesAndTheStricterOnATie() {
    List<SweepChart.Point> sweep =
        List.of(
            point(1e-1, 0.97, 0.99), // the best F, but not precise enough
            point(3e-2, 1.0, 0.94),
            point(1e-2, 1.0, 0.94),
            point(1e-3, 1.0, 0.72));
    assertThat(LinkChoice.best(sweep)).contains(1e-2);
  }

  @Test
  void choosesNothingWhenNoRateIsPreciseEnough() {
    assertThat(LinkChoice.best(List.of(point(1e-1, 0.9, 1.0)))).isEmpty();
  }
}
