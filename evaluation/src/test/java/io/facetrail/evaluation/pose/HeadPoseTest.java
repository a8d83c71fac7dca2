package io.facetrail.evaluation.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeadPoseTest {
  /** The generic head's nose tip and outer eye corners, turned by yaw, rolled, projected. */
  private static float[] head(double yawDegrees, double rollDegrees, double scale) {
    double[][] model = {{0, 0, 0}, {-225, 170, -135}, {225, 170, -135}};
    int[] index = {30, 36, 45};
    double yaw = Math.toRadians(yawDegrees);
    double roll = Math.toRadians(rollDegrees);
    float[] p = new float[136];
    for (int k = 0; k < 3; k++) {
      double x = model[k][0] * Math.cos(yaw) - model[k][2] * Math.sin(yaw);
      double y = -model[k][1];
      double rx = x * Math.cos(roll) - y * Math.sin(roll);
      double ry = x * Math.sin(roll) + y * Math.cos(roll);
      p[2 * index[k]] = (float) (400 + scale * rx);
      p[2 * index[k] + 1] = (float) (300 + scale * ry);
    }
    return p;
  }

  @Test
  void recoversTheYawOfTheModelHeadWhateverTheRollAndScale() {
    for (double yaw : new double[] {0, 10, -30, 45, 60, -70}) {
      for (double roll : new double[] {0, 15, -25}) {
        assertThat(HeadPose.yawDegrees(head(yaw, roll, 0.2)))
            .as("yaw %s roll %s", yaw, roll)
            .isCloseTo(-yaw, within(0.01));
      }
    }
  }

  @Test
  void refusesAnythingButSixtyEightPoints() {
    assertThatThrownBy(() -> HeadPose.yawDegrees(new float[10]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("68 points");
  }
}
