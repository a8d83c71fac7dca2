package io.facetrail.faces.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.calibration.CalibrationTable.Point;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTableTest {
  private final CalibrationTable table =
      new CalibrationTable(
          "m",
          "test",
          List.of(
              new Point(1e-2, 1.0, 1e-2, 0.99),
              new Point(1e-4, 0.8, 1e-4, 0.9),
              new Point(1e-3, 0.9, 1e-3, 0.95)));

  @Test
  void exactPointsReturnTheirThreshold() {
    assertThat(table.thresholdFor(1e-3)).isCloseTo(0.9, within(1e-12));
    assertThat(table.thresholdFor(1e-2)).isCloseTo(1.0, within(1e-12));
    assertThat(table.thresholdFor(1e-4)).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void interpolatesInLogFar() {
    // sqrt(1e-3 * 1e-2) lies half-way between the two points in log space.
    assertThat(table.thresholdFor(Math.sqrt(1e-5))).isCloseTo(0.95, within(1e-9));
  }

  @Test
  void refusesToExtrapolate() {
    assertThatThrownBy(() -> table.thresholdFor(1e-6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.thresholdFor(0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTripsThroughJson() {
    CalibrationTable back =
        CalibrationTable.read(
            new ByteArrayInputStream(table.toJson().getBytes(StandardCharsets.UTF_8)));
    assertThat(back).isEqualTo(table);
  }

  @Test
  void rejectsMalformedJson() {
    assertThatThrownBy(
            () ->
                CalibrationTable.read(
                    new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
