package io.facetrail.evaluation.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.calibration.CalibrationTable.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationInverseTest {
  private static final CalibrationTable TABLE =
      new CalibrationTable(
          "m",
          "test",
          List.of(
              new Point(1e-6, 0.30, 1e-6, 0.5),
              new Point(1e-4, 0.34, 1e-4, 0.8),
              new Point(1e-2, 0.42, 1e-2, 0.99)));

  @Test
  void invertsTheTablesInterpolation() {
    for (double far : new double[] {1e-6, 3e-6, 1e-5, 1e-4, 7e-4, 1e-2}) {
      double t = TABLE.thresholdFor(far);
      assertThat(CalibrationInverse.falseAcceptRateAt(TABLE, t)).isCloseTo(far, within(far * 1e-9));
    }
  }

  @Test
  void isUndefinedOutsideTheCalibratedRange() {
    assertThat(CalibrationInverse.falseAcceptRateAt(TABLE, 0.29)).isNaN();
    assertThat(CalibrationInverse.falseAcceptRateAt(TABLE, 0.43)).isNaN();
  }
}
