package io.facetrail.faces.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibratorTest {
  /** Identities as random unit centres, their faces as noisy copies. */
  static List<Calibrator.Sample> faces(long seed, int identities, int perIdentity) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Calibrator.Sample> out = new ArrayList<>();
    for (int id = 0; id < identities; id++) {
      float[] centre = new float[128];
      for (int i = 0; i < 128; i++) {
        centre[i] = (float) r.nextGaussian();
      }
      for (int k = 0; k < perIdentity; k++) {
        float[] v = new float[128];
        for (int i = 0; i < 128; i++) {
          v[i] = centre[i] + 0.5f * (float) r.nextGaussian();
        }
        out.add(new Calibrator.Sample(id, FaceCode.quantise(FaceCode.normalise(v))));
      }
    }
    return out;
  }

  @Test
  void thresholdsHoldTheirFalseAcceptRateOnHeldOutIdentities() {
    CalibrationTable t =
        Calibrator.calibrate(
            "test-model", "synthetic", faces(1, 300, 3), faces(2, 300, 3), 1e-2, 1e-3, 1e-4);
    assertThat(t.points()).hasSize(3);
    for (CalibrationTable.Point p : t.points()) {
      assertThat(p.checkedFalseAcceptRate())
          .isBetween(p.falseAcceptRate() / 3, p.falseAcceptRate() * 3);
      assertThat(p.trueAcceptRate()).isGreaterThan(0.5);
    }
    assertThat(t.thresholdFor(1e-4)).isLessThan(t.thresholdFor(1e-2));
    assertThat(
            CalibrationTable.read(new java.io.ByteArrayInputStream(t.toJson().getBytes())).points())
        .isEqualTo(t.points());
  }

  @Test
  void acrossTwoModelsPairsEveryCodeOfOneWithEveryOtherPhotoOfTheOther() {
    List<Calibrator.Sample> fit = faces(1, 100, 3);
    List<Calibrator.Sample> check = faces(2, 100, 3);
    CalibrationTable same = Calibrator.calibrate("a", "s", fit, check, 1e-2, 1e-3);
    // Model B embeds every photo exactly as model A: cross pairs are the within pairs counted in
    // both orders, so the thresholds and rates are the same.
    CalibrationTable across =
        Calibrator.calibrateAcross("a", "s", fit, fit, check, check, 1e-2, 1e-3);
    assertThat(across.points()).isEqualTo(same.points());
    assertThat(across.source()).contains("fit: 300 codes, " + 2 * 44_550 + " impostor pairs");
    assertThat(same.source()).contains("fit: 300 codes, 44550 impostor pairs");
  }

  @Test
  void acrossTwoModelsNeedsTheSamePhotosOnBothSides() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Calibrator.calibrateAcross(
                    "a", "s", faces(1, 3, 2), faces(1, 3, 3), faces(2, 3, 2), faces(2, 3, 2), 1e-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same photos");
  }
}
