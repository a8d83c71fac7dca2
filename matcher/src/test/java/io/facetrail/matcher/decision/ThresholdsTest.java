package io.facetrail.matcher.decision;

import static io.facetrail.matcher.testing.ModelFolderWriter.model;
import static io.facetrail.matcher.testing.ModelFolderWriter.table;
import static io.facetrail.matcher.testing.ModelFolderWriter.writeTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.matcher.trained.ModelFolders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {
  private static final String V1 = FacePipeline.MODEL_ID;
  private static final String V2 = "dlib-r29-crop104-v2-test";

  @TempDir Path dir;

  @Test
  void eachPairTakesItsOwnTable() {
    Path v2 = model(dir, V2, V1);
    writeTable(v2, "calibration.json", table(V2, 0.40));
    writeTable(v2, "calibration-" + V1 + ".json", table(V2, 0.45));
    Thresholds t = Thresholds.of(1e-3, ModelFolders.load(List.of(v2)));

    double shippedV1 = CalibrationTable.forModel(V1).orElseThrow().thresholdFor(1e-3);
    assertThat(t.thresholdFor(V1)).isEqualTo(shippedV1);
    assertThat(t.thresholdFor(V2)).isEqualTo(0.40);
    assertThat(t.thresholdFor(V2, V2)).isEqualTo(0.40);
    // The cross table serves both directions: a v2 query against v1 codes and the reverse.
    assertThat(t.thresholdFor(V2, V1)).isEqualTo(0.45);
    assertThat(t.thresholdFor(V1, V2)).isEqualTo(0.45);
    assertThat(t.comparable().compatible(V2, V1)).isTrue();
    assertThat(t.uncalibrated(ModelFolders.load(List.of(v2)))).isEmpty();
  }

  @Test
  void theQueryModelsCrossTableComesBeforeTheStoredModels() {
    Path a = model(dir, "a", "b");
    Path b = model(dir, "b", "a");
    writeTable(a, "calibration-b.json", table("a", 0.30));
    writeTable(b, "calibration-a.json", table("b", 0.35));
    Thresholds t = Thresholds.of(1e-3, ModelFolders.load(List.of(a, b)));
    assertThat(t.thresholdFor("a", "b")).isEqualTo(0.30);
    assertThat(t.thresholdFor("b", "a")).isEqualTo(0.35);
  }

  @Test
  void theShippedTableComesBeforeAFoldersOwnTable() {
    Path folder = model(dir, V1);
    writeTable(folder, "calibration.json", table(V1, 0.99));
    Thresholds t = Thresholds.of(1e-3, ModelFolders.load(List.of(folder)));
    assertThat(t.thresholdFor(V1))
        .isEqualTo(CalibrationTable.forModel(V1).orElseThrow().thresholdFor(1e-3));
  }

  @Test
  void aMissingCrossTableNamesBothModelsAndThePairIsNotCompared() {
    Path v2 = model(dir, V2, V1);
    writeTable(v2, "calibration.json", table(V2, 0.40));
    ModelFolders models = ModelFolders.load(List.of(v2));
    Thresholds t = Thresholds.of(1e-3, models);

    assertThatThrownBy(() -> t.thresholdFor(V2, V1))
        .isInstanceOf(NoCalibrationException.class)
        .hasMessageContaining("model " + V2 + " against codes of model " + V1)
        .hasMessageContaining("calibration-" + V1 + ".json")
        .hasMessageContaining("calibration-" + V2 + ".json");
    assertThat(t.decidable(V2, V1)).isFalse();
    assertThat(t.comparable().compatible(V2, V1)).isFalse();
    assertThat(t.comparable().compatible(V2, V2)).isTrue();
    assertThat(t.uncalibrated(models)).singleElement().asString().contains(V2, V1);
  }

  @Test
  void anUnknownModelOrAFarOutsideTheTableHasNoThreshold() {
    Thresholds t = Thresholds.of(1e-3, ModelFolders.none());
    assertThatThrownBy(() -> t.thresholdFor("nobody-v9"))
        .isInstanceOf(NoCalibrationException.class)
        .hasMessage("no calibration table for model nobody-v9; cannot decide identity");
    // Undeclared pairs are not compared even when both models are calibrated.
    assertThat(t.comparable().compatible(V1, "nobody-v9")).isFalse();

    Path v2 = model(dir, V2, V1);
    writeTable(v2, "calibration-" + V1 + ".json", table(V2, 0.45));
    Thresholds strict = Thresholds.of(1e-6, ModelFolders.load(List.of(v2)));
    assertThatThrownBy(() -> strict.thresholdFor(V2, V1))
        .isInstanceOf(NoCalibrationException.class)
        .hasMessageContaining("outside the calibrated range")
        .hasMessageContaining(V2 + " against " + V1);
  }
}
