package io.facetrail.faces.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.pipeline.FacePipeline;
import org.junit.jupiter.api.Test;

/** The calibration shipped for the pipeline's model is present and consistent. */
class ShippedCalibrationTest {
  @Test
  void theShippedModelHasThresholdsForThreeFalseAcceptRates() {
    CalibrationTable t = CalibrationTable.forModel(FacePipeline.MODEL_ID).orElseThrow();
    assertThat(t.points())
        .extracting(CalibrationTable.Point::falseAcceptRate)
        .containsExactly(1e-4, 1e-3, 1e-2);
    assertThat(t.thresholdFor(1e-4)).isLessThan(t.thresholdFor(1e-3));
    assertThat(t.thresholdFor(1e-3)).isLessThan(t.thresholdFor(1e-2));
    for (CalibrationTable.Point p : t.points()) {
      // Held-out identities see roughly the targeted rate.
      assertThat(p.checkedFalseAcceptRate())
          .isBetween(p.falseAcceptRate() / 2, p.falseAcceptRate() * 2);
    }
  }
}
