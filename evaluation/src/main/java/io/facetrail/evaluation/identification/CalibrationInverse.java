package io.facetrail.evaluation.identification;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.calibration.CalibrationTable.Point;
import java.util.List;

/** The per-comparison FAR of a distance threshold, read back from a calibration table. */
final class CalibrationInverse {
  private CalibrationInverse() {}

  /**
   * The FAR at threshold {@code t}, interpolated linearly in log(FAR) between the table's points
   * (the inverse of {@link CalibrationTable#thresholdFor}); NaN outside the calibrated range.
   */
  static double falseAcceptRateAt(CalibrationTable table, double t) {
    List<Point> p = table.points();
    for (int i = 0; i + 1 < p.size(); i++) {
      Point a = p.get(i);
      Point b = p.get(i + 1);
      if (t >= a.threshold() && t <= b.threshold() && b.threshold() > a.threshold()) {
        double w = (t - a.threshold()) / (b.threshold() - a.threshold());
        return Math.exp(
            Math.log(a.falseAcceptRate())
                + w * (Math.log(b.falseAcceptRate()) - Math.log(a.falseAcceptRate())));
      }
    }
    return Double.NaN;
  }
}
