package io.facetrail.faces.trained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ModelMetadataTest {
  private static final ModelMetadata V2 =
      new ModelMetadata(
          "dlib-r29-crop104-v2-fold1-seed1",
          "dlib-r29-v1",
          104,
          "crop",
          3,
          "model.params",
          List.of("dlib-r29-v1"),
          List.of());

  @Test
  void roundTripsThroughModelJsonKeepingTheWritersOwnFields(@TempDir Path dir) throws Exception {
    ObjectNode json = V2.toJson();
    json.putObject("training").put("steps", 1000);
    Files.writeString(dir.resolve("model.json"), json.toString());

    ModelMetadata read = ModelMetadata.read(dir);

    assertThat(read).isEqualTo(V2);
    assertThat(Files.readString(dir.resolve("model.json"))).contains("\"steps\":1000");
  }

  @Test
  void comparesWithItselfAndTheDeclaredIdsOnly() {
    assertThat(V2.isComparableWith("dlib-r29-crop104-v2-fold1-seed1")).isTrue();
    assertThat(V2.isComparableWith("dlib-r29-v1")).isTrue();
    assertThat(V2.isComparableWith("mobilefacenet-192-v2")).isFalse();
  }

  @Test
  void rejectsAFileWithoutAnId(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("model.json");
    Files.writeString(
        file,
        "{\"baseModel\":\"dlib-r29-v1\",\"inputSize\":104,\"chip\":\"crop\",\"trainedUnits\":3,"
            + "\"parameters\":\"model.params\",\"compatibleWith\":[]}");
    assertThatThrownBy(() -> ModelMetadata.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'");
  }

  @Test
  void droppedUnitsRoundTripAndAreEmptyWhenAbsent(@TempDir Path dir) throws Exception {
    ModelMetadata cut =
        new ModelMetadata(
            "cut", "dlib-r29-v1", 104, "crop", 5, "model.params", List.of(), List.of(11, 12));
    Files.writeString(dir.resolve("model.json"), cut.toJson().toString());
    assertThat(ModelMetadata.read(dir).droppedUnits()).containsExactly(11, 12);
    // Files written before the field existed keep every unit.
    assertThat(V2.toJson().has("droppedUnits")).isFalse();
    assertThat(ModelMetadata.fromJson(V2.toJson()).droppedUnits()).isEmpty();
  }
}
