package io.facetrail.tracker.kalman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.tracker.box.BoundingBox;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxKalmanFilterTest {
  private final BoxKalmanFilter filter = new BoxKalmanFilter(MotionNoise.defaults());

  @Test
  void learnsAConstantVelocityAndPredictsAcrossAGap() {
    // A face moving right at 200 px/s, observed at 25 fps.
    KalmanState s = filter.initiate(BoundingBox.ofCentre(100, 200, 80, 100), 0);
    for (int f = 1; f <= 25; f++) {
      long t = f * 40_000L;
      filter.predict(s, t);
      filter.update(s, BoundingBox.ofCentre(100 + 200 * t / 1e6, 200, 80, 100));
    }
    assertThat(s.mean()[4]).isCloseTo(200, within(5.0));
    assertThat(s.mean()[5]).isCloseTo(0, within(5.0));
    // Half a second without measurements (dropped frames): the prediction keeps moving.
    filter.predict(s, 1_500_000);
    assertThat(s.box().centreX()).isCloseTo(100 + 200 * 1.5, within(5.0));
  }

  @Test
  void uncertaintyGrowsWithElapsedTimeNotWithCalls() {
    KalmanState once = filter.initiate(BoundingBox.ofCentre(0, 0, 50, 50), 0);
    KalmanState steps = filter.initiate(BoundingBox.ofCentre(0, 0, 50, 50), 0);
    filter.predict(once, 1_000_000);
    for (int i = 1; i <= 10; i++) {
      filter.predict(steps, i * 100_000L);
    }
    // Predicting one second in one step or in ten gives the same belief.
    double[] a = once.covariance();
    double[] b = steps.covariance();
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isCloseTo(b[i], within(1e-6 * (1 + Math.abs(a[i]))));
    }
    assertThat(once.mean()).containsExactly(steps.mean());
  }

  @Test
  void predictingBackwardsChangesNothing() {
    KalmanState s = filter.initiate(BoundingBox.ofCentre(10, 10, 20, 20), 1_000);
    double[] before = s.covariance();
    filter.predict(s, 500);
    assertThat(s.covariance()).containsExactly(before);
    assertThat(s.timeUs()).isEqualTo(1_000);
  }

  @Test
  void mahalanobisIsSmallNearThePredictionAndLargeFarAway() {
    KalmanState s = filter.initiate(BoundingBox.ofCentre(100, 100, 50, 50), 0);
    filter.predict(s, 40_000);
    assertThat(filter.mahalanobis(s, BoundingBox.ofCentre(101, 100, 50, 50))).isLessThan(1);
    assertThat(filter.mahalanobis(s, BoundingBox.ofCentre(400, 100, 50, 50))).isGreaterThan(100);
  }

  @Test
  void mahalanobisFollowsChiSquaredWithFourDegreesUnderTheModel() {
    // Measurements drawn from the filter's own measurement model: the mean of d² is 4.
    Random random = new Random(7);
    double sum = 0;
    int n = 4_000;
    for (int i = 0; i < n; i++) {
      KalmanState s = filter.initiate(BoundingBox.ofCentre(300, 300, 100, 100), 0);
      double sigma = Math.sqrt(2) * 0.05 * 100; // state and measurement noise both 5% of height
      BoundingBox z =
          BoundingBox.ofCentre(
              300 + sigma * random.nextGaussian(),
              300 + sigma * random.nextGaussian(),
              100 + sigma * random.nextGaussian(),
              100 + sigma * random.nextGaussian());
      sum += filter.mahalanobis(s, z);
    }
    assertThat(sum / n).isCloseTo(4, within(0.3));
  }

  @Test
  void covarianceStaysSymmetricAndPositiveThroughManyUpdates() {
    Random random = new Random(3);
    KalmanState s = filter.initiate(BoundingBox.ofCentre(100, 100, 60, 60), 0);
    for (int f = 1; f < 2_000; f++) {
      long t = f * 33_333L + random.nextInt(20_000);
      filter.predict(s, t);
      filter.update(
          s,
          BoundingBox.ofCentre(100 + random.nextGaussian(), 100, 60 + random.nextGaussian(), 60));
    }
    double[] p = s.covariance();
    for (int r = 0; r < 8; r++) {
      assertThat(p[r * 8 + r]).isPositive();
      for (int c = 0; c < 8; c++) {
        assertThat(p[r * 8 + c]).isEqualTo(p[c * 8 + r]);
      }
    }
  }
}
