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

  private static CalibrationTable.TrackPoints track(int faces, double atOnePercent) {
    return new CalibrationTable.TrackPoints(
        faces,
        List.of(
            new Point(1e-2, atOnePercent, 1e-2, 0.9),
            new Point(1e-4, atOnePercent - 0.2, 1e-4, 0.8)));
  }

  @Test
  void aTrackIsJudgedByTheSmallestCalibratedAggregateOfAtLeastItsFaces() {
    CalibrationTable t = table.withTracks(List.of(track(5, 0.7), track(2, 0.9), track(3, 0.8)));
    assertThat(t.tracks()).extracting(CalibrationTable.TrackPoints::faces).containsExactly(2, 3, 5);
    assertThat(t.thresholdFor(1e-2, 1)).isEqualTo(1.0); // one face: the single-face points
    assertThat(t.thresholdFor(1e-2, 2)).isEqualTo(0.9);
    assertThat(t.thresholdFor(1e-2, 4)).isEqualTo(0.7); // between 3 and 5: the stricter
    assertThat(t.thresholdFor(1e-2, 40)).isEqualTo(0.7); // beyond the largest: the largest
    assertThat(t.farRange(40)).containsExactly(1e-4, 1e-2);
    // A table without track thresholds judges every track as one face.
    assertThat(table.thresholdFor(1e-2, 5)).isEqualTo(1.0);
  }

  @Test
  void trackThresholdsSurviveJsonAndOldTablesWithoutThemStillRead() {
    CalibrationTable t = table.withTracks(List.of(track(3, 0.8)));
    CalibrationTable back =
        CalibrationTable.read(
            new ByteArrayInputStream(t.toJson().getBytes(StandardCharsets.UTF_8)));
    assertThat(back).isEqualTo(t);
    String old =
        "{\"modelId\":\"m\",\"source\":\"s\",\"points\":[{\"falseAcceptRate\":0.001,"
            + "\"threshold\":0.4,\"checkedFalseAcceptRate\":0.001,\"trueAcceptRate\":0.9}]}";
    CalibrationTable read =
        CalibrationTable.read(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)));
    assertThat(read.tracks()).isEmpty();
    assertThat(read.thresholdFor(1e-3, 5)).isEqualTo(0.4);
  }

  @Test
  void trackThresholdsNeedAtLeastTwoFaces() {
    assertThatThrownBy(() -> track(1, 0.9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 faces");
  }

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
