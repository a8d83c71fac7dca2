package io.facetrail.faces.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.pipeline.FacePipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration shipped for the pipeline's model is present and consistent. */
class ShippedCalibrationTest {
  @Test
  void theShippedModelHasThresholdsOnAFineGridFrom1e7To1e1() {
    CalibrationTable t = CalibrationTable.forModel(FacePipeline.MODEL_ID).orElseThrow();
    List<CalibrationTable.Point> points = t.points();
    assertThat(points).hasSize(19);
    assertThat(points.get(0).falseAcceptRate()).isEqualTo(1e-7);
    assertThat(points.get(points.size() - 1).falseAcceptRate()).isEqualTo(1e-1);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).threshold()).isGreaterThan(points.get(i - 1).threshold());
    }
    for (CalibrationTable.Point p : points) {
      // Held-out identities see roughly the targeted rate where enough impostor pairs back it
      // (from 1e-5: about 200 of the 19M held-out pairs; below, a handful of pairs decide).
      if (p.falseAcceptRate() >= 1e-5) {
        assertThat(p.checkedFalseAcceptRate())
            .isBetween(p.falseAcceptRate() / 2, p.falseAcceptRate() * 2);
      }
    }
  }
}
