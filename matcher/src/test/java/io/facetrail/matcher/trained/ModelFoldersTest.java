package io.facetrail.matcher.trained;

import static io.facetrail.matcher.testing.ModelFolderWriter.model;
import static io.facetrail.matcher.testing.ModelFolderWriter.table;
import static io.facetrail.matcher.testing.ModelFolderWriter.write;
import static io.facetrail.matcher.testing.ModelFolderWriter.writeTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFoldersTest {
  @TempDir Path dir;

  @Test
  void readsMetadataOwnTableAndCrossTables() {
    Path v2 = model(dir, "v2", "v1");
    writeTable(v2, "calibration.json", table("v2", 0.40));
    writeTable(v2, "calibration-v1.json", table("v2", 0.45));
    ModelFolders models = ModelFolders.load(List.of(v2));

    assertThat(models.ids()).containsExactly("v2");
    assertThat(models.table("v2", "v2").orElseThrow().thresholdFor(1e-3)).isEqualTo(0.40);
    assertThat(models.table("v2", "v1").orElseThrow().thresholdFor(1e-3)).isEqualTo(0.45);
    assertThat(models.table("v1", "v2")).isEmpty(); // v1 has no folder here.
    assertThat(models.table("v2", "v3")).isEmpty();
    assertThat(models.declaredPairs()).containsExactly(List.of("v2", "v1"));
    assertThat(models.compatibility().compatible("v1", "v2")).isTrue();
  }

  @Test
  void aPairDeclaredByBothModelsIsListedOnce() {
    Path a = model(dir, "a", "b");
    Path b = model(dir, "b", "a");
    assertThat(ModelFolders.load(List.of(a, b)).declaredPairs()).containsExactly(List.of("a", "b"));
  }

  @Test
  void everyBadFolderIsReportedWithItsPosition() {
    Path good = model(dir, "good");
    Path empty = dir.resolve("empty");
    write(empty.resolve("readme.txt"), "no model here");
    Path brokenTable = model(dir, "broken");
    write(brokenTable.resolve("calibration-v1.json"), "{ not json");
    Path ownByName = model(dir, "self");
    writeTable(ownByName, "calibration-self.json", table("self", 0.4));
    Path twin = model(dir.resolve("elsewhere"), "good");
    List<Path> folders =
        Arrays.asList(good, empty, brokenTable, null, ownByName, twin, dir.resolve("missing"));

    List<ModelFolders.Problem> problems = new ArrayList<>();
    ModelFolders.read(folders, problems);

    assertThat(problems).extracting(ModelFolders.Problem::index).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(problems.get(0).message()).contains("holds no model.json");
    assertThat(problems.get(1).message()).contains("calibration-v1.json");
    assertThat(problems.get(3).message()).contains("calibration.json");
    assertThat(problems.get(4).message()).contains("holds model good, as does " + good);
    assertThatThrownBy(() -> ModelFolders.load(folders))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1] ")
        .hasMessageContaining("[6] ");
  }

  @Test
  void withoutFoldersOnlyEqualIdsAreComparable() {
    ModelFolders none = ModelFolders.none();
    assertThat(none.compatibility().compatible("v2", "v1")).isFalse();
    assertThat(none.compatibility().compatible("v1", "v1")).isTrue();
    assertThat(none.declaredPairs()).isEmpty();
  }
}
