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
    return faces(seed, identities, perIdentity, 0);
  }

  /**
   * As {@link #faces(long, int, int)}, every centre also holding {@code shared} times one direction
   * common to all identities, as real face embeddings do (they all lie near a mean face).
   */
  static List<Calibrator.Sample> faces(long seed, int identities, int perIdentity, float shared) {
    SplittableRandom common = new SplittableRandom(99);
    float[] mean = new float[128];
    for (int i = 0; i < 128; i++) {
      mean[i] = (float) common.nextGaussian();
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<Calibrator.Sample> out = new ArrayList<>();
    for (int id = 0; id < identities; id++) {
      float[] centre = new float[128];
      for (int i = 0; i < 128; i++) {
        centre[i] = (float) r.nextGaussian() + shared * mean[i];
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

  /** Aggregates of k faces of each identity: the normalised mean of its first k faces. */
  private static List<Calibrator.Aggregate> aggregates(
      List<Calibrator.Sample> faces, int perIdentity, int k) {
    List<Calibrator.Aggregate> out = new ArrayList<>();
    for (int start = 0; start < faces.size(); start += perIdentity) {
      float[] sum = new float[128];
      int[] members = new int[k];
      for (int j = 0; j < k; j++) {
        float[] v = FaceCode.dequantise(faces.get(start + j).code());
        for (int i = 0; i < 128; i++) {
          sum[i] += v[i];
        }
        members[j] = start + j;
      }
      out.add(
          new Calibrator.Aggregate(
              faces.get(start).identity(), FaceCode.quantise(FaceCode.normalise(sum)), members));
    }
    return out;
  }

  @Test
  void aggregatesOfSeveralFacesNeedStricterThresholdsThatHoldOnHeldOutIdentities() {
    List<Calibrator.Sample> fit = faces(1, 300, 6, 1.5f);
    List<Calibrator.Sample> check = faces(2, 300, 6, 1.5f);
    CalibrationTable single = Calibrator.calibrate("m", "synthetic", fit, check, 1e-3, 1e-4);
    CalibrationTable.TrackPoints tracks =
        Calibrator.calibrateTracks(
            5, aggregates(fit, 6, 5), fit, aggregates(check, 6, 5), check, 1e-3, 1e-4);
    assertThat(tracks.faces()).isEqualTo(5);
    for (int i = 0; i < 2; i++) {
      CalibrationTable.Point p = tracks.points().get(i);
      // The mean of five noisy faces lies closer to every other face than one face does.
      assertThat(p.threshold()).isLessThan(single.points().get(i).threshold());
      assertThat(p.checkedFalseAcceptRate())
          .isBetween(p.falseAcceptRate() / 3, p.falseAcceptRate() * 3);
      // Genuine pairs are the sixth face of each identity against its own aggregate only.
      assertThat(p.trueAcceptRate()).isGreaterThan(0.5);
    }
  }

  @Test
  void anAggregateIsNeverComparedWithItsOwnMembers() {
    List<Calibrator.Sample> faces = faces(3, 2, 2);
    // Identity 0's aggregate of both its faces: only identity 1's two faces remain (impostors).
    List<Calibrator.Aggregate> one = aggregates(faces, 2, 2).subList(0, 1);
    Calibrator.Histogram h = Calibrator.Histogram.ofAggregates(one, faces);
    assertThat(h.impostors).isEqualTo(2);
    assertThat(h.genuines).isZero();
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
