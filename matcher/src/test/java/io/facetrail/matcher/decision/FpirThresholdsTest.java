package io.facetrail.matcher.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.calibration.CalibrationTable.Point;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Thresholds set by an FPIR per track decision: they follow the gallery size. */
class FpirThresholdsTest {
  private static final String MODEL = "m";
  private static final CalibrationTable TABLE =
      new CalibrationTable(
          MODEL,
          "test",
          List.of(
              new Point(1e-7, 0.30, 1e-7, 0.5),
              new Point(1e-5, 0.34, 1e-5, 0.8),
              new Point(1e-3, 0.38, 1e-3, 0.95),
              new Point(1e-1, 0.46, 1e-1, 0.999)));

  private static Thresholds thresholds(DecisionRate rate) {
    return new Thresholds(rate, m -> m.equals(MODEL) ? Optional.of(TABLE) : Optional.empty());
  }

  @Test
  void theThresholdIsTheTablesAtTheFarTheGallerySizeNeeds() {
    Thresholds t = thresholds(DecisionRate.ofFpir(1e-2));
    Threshold at1000 = t.at(MODEL, MODEL, 1000);
    double far = OpenSetRule.falseAcceptRate(1e-2, 1000);
    assertThat(at1000.falseAcceptRate()).isEqualTo(far);
    assertThat(at1000.distance()).isEqualTo(TABLE.thresholdFor(far));
    assertThat(at1000.fpir()).isCloseTo(1e-2, within(1e-12));
    assertThat(at1000.persons()).isEqualTo(1000);
  }

  @Test
  void aTrackOfSeveralFacesIsJudgedByTheTablesThresholdsForAggregates() {
    CalibrationTable withTracks =
        TABLE.withTracks(
            List.of(
                new CalibrationTable.TrackPoints(
                    3,
                    List.of(new Point(1e-6, 0.25, 1e-6, 0.5), new Point(1e-1, 0.40, 1e-1, 0.99)))));
    Thresholds t =
        new Thresholds(
            DecisionRate.ofFpir(1e-2),
            m -> m.equals(MODEL) ? Optional.of(withTracks) : Optional.empty());
    double far = OpenSetRule.falseAcceptRate(1e-2, 1000);
    assertThat(t.at(MODEL, MODEL, 1000, 1).distance()).isEqualTo(TABLE.thresholdFor(far));
    Threshold track = t.at(MODEL, MODEL, 1000, 5);
    assertThat(track.distance()).isEqualTo(withTracks.thresholdFor(far, 3));
    assertThat(track.distance()).isLessThan(TABLE.thresholdFor(far));
    // The single-face threshold is still what a one-face decision gets after a track's.
    assertThat(t.at(MODEL, MODEL, 1000).distance()).isEqualTo(TABLE.thresholdFor(far));
    // A gallery needing a FAR below the aggregates' range gets that range's end.
    assertThat(t.at(MODEL, MODEL, 1_000_000, 3).falseAcceptRate()).isEqualTo(1e-6);
  }

  @Test
  void isRecomputedWhenTheGalleryGrowsOrShrinks() {
    Thresholds t = thresholds(DecisionRate.ofFpir(1e-2));
    double small = t.at(MODEL, MODEL, 100).distance();
    double large = t.at(MODEL, MODEL, 10_000).distance();
    assertThat(large).isLessThan(small);
    assertThat(t.at(MODEL, MODEL, 100).distance()).isEqualTo(small);
  }

  @Test
  void aGalleryBeyondTheCalibratedRangeGetsTheTablesEndAndSaysWhatFpirThatGives() {
    Thresholds t = thresholds(DecisionRate.ofFpir(1e-3));
    Threshold huge = t.at(MODEL, MODEL, 1_000_000_000);
    assertThat(huge.falseAcceptRate()).isEqualTo(1e-7);
    assertThat(huge.distance()).isEqualTo(0.30);
    assertThat(huge.fpir()).isCloseTo(OpenSetRule.fpir(1e-7, 1_000_000_000), within(1e-12));
    assertThat(huge.fpir()).isGreaterThan(0.99);
    Threshold one = thresholds(DecisionRate.ofFpir(0.5)).at(MODEL, MODEL, 1);
    assertThat(one.falseAcceptRate()).isEqualTo(1e-1);
    assertThat(one.fpir()).isCloseTo(1e-1, within(1e-12));
  }

  @Test
  void theExpertFarIgnoresTheGallerySize() {
    Thresholds t = thresholds(DecisionRate.perComparison(1e-5));
    assertThat(t.at(MODEL, MODEL, 10).distance()).isEqualTo(0.34);
    assertThat(t.at(MODEL, MODEL, 100_000).distance()).isEqualTo(0.34);
    assertThat(t.at(MODEL, MODEL, 10).fpir()).isNaN();
    assertThat(t.thresholdFor(MODEL)).isEqualTo(0.34);
  }

  @Test
  void anFpirThresholdCannotBeAskedForWithoutTheGallerySize() {
    assertThatThrownBy(() -> thresholds(DecisionRate.ofFpir(1e-2)).thresholdFor(MODEL))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aModelWithoutTableIsNotDecidable() {
    Thresholds t = thresholds(DecisionRate.ofFpir(1e-2));
    assertThat(t.decidable(MODEL, MODEL)).isTrue();
    assertThat(t.decidable("other", "other")).isFalse();
    assertThatThrownBy(() -> t.at("other", "other", 5)).isInstanceOf(NoCalibrationException.class);
  }

  @Test
  void theSettingsChooseTheRate() {
    DecisionSettings d = DecisionSettings.defaults();
    assertThat(DecisionRate.of(d)).isEqualTo(DecisionRate.ofFpir(DecisionSettings.DEFAULT_FPIR));
    assertThat(DecisionRate.of(d.withFalseAcceptRate(1e-4)))
        .isEqualTo(DecisionRate.perComparison(1e-4));
  }
}
