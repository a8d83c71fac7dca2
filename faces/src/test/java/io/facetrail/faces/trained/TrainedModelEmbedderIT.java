package io.facetrail.faces.trained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.testing.ParityFixture;
import io.facetrail.faces.testing.TestModels;
import io.facetrail.faces.weights.TfjsWeightLoader;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The embedder running a trained model folder, as {@code faces.embeddingModel} names it. */
class TrainedModelEmbedderIT {
  /** A model folder whose trained units hold v1's own weights, untouched. */
  private static void writeUntrainedModel(Path dir, String id, String base, int size, String chip)
      throws Exception {
    writeUntrainedModel(dir, id, base, size, chip, List.of());
  }

  /** As above, without the units {@code dropped}. */
  private static void writeUntrainedModel(
      Path dir, String id, String base, int size, String chip, List<Integer> dropped)
      throws Exception {
    try (NDManager m = NDManager.newBaseManager(TestModels.cpu().device())) {
      DlibResNet v1 =
          new DlibResNet(
              m,
              TfjsWeightLoader.load(TestModels.cache().manifest(PretrainedModel.RECOGNITION)),
              FaceEmbedder.DEFAULT_DIVISOR);
      TrainableHead head = new TrainableHead(v1, 3, java.util.Set.copyOf(dropped));
      // DJL saves a block's input shapes with its parameters: the trunk's output at this size.
      Shape features =
          v1.trunk(
                  new ParameterStore(m, false),
                  m.zeros(new Shape(1, 3, size, size)),
                  head.firstUnit(),
                  false)
              .getShape();
      head.initialize(m, DataType.FLOAT32, features);
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(dir.resolve("model.params"))))) {
        head.saveParameters(out);
      }
    }
    ModelMetadata metadata =
        new ModelMetadata(id, base, size, chip, 3, "model.params", List.of(base), dropped);
    Files.writeString(dir.resolve(ModelMetadata.FILE_NAME), metadata.toJson().toString());
  }

  /** v1 for null, else the model in {@code dir}. */
  private static FaceEmbedder load(Path dir) {
    return FaceEmbedder.load(
        TestModels.cache(), TestModels.cpu(), FaceEmbedder.DEFAULT_DIVISOR, 8, dir);
  }

  private static List<RgbImage> crops() {
    List<RgbImage> out = new ArrayList<>();
    for (JsonNode entry : ParityFixture.reference().get("embedding")) {
      out.add(ParityFixture.crop(entry));
    }
    return out;
  }

  @Test
  void aModelWhoseTrainedUnitsAreV1sOwnEmbedsExactlyAsV1(@TempDir Path dir) throws Exception {
    writeUntrainedModel(dir, "copy-of-v1", FaceEmbedder.V1_MODEL_ID, 150, "none");
    try (FaceEmbedder v1 = load(null);
        FaceEmbedder copy = load(dir)) {
      assertThat(copy.modelId()).isEqualTo("copy-of-v1");
      assertThat(copy.inputSize()).isEqualTo(150);
      float[][] a = v1.embed(crops());
      float[][] b = copy.embed(crops());
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a[i].length; j++) {
          assertThat(b[i][j]).isCloseTo(a[i][j], org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  @Test
  void aCropModelRunsOnTheChipsCentreAtAboutHalfTheCost(@TempDir Path dir) throws Exception {
    writeUntrainedModel(dir, "crop104", FaceEmbedder.V1_MODEL_ID, 104, "crop");
    try (FaceEmbedder v1 = load(null);
        FaceEmbedder crop = load(dir)) {
      assertThat(crop.macsPerFace()).isBetween(v1.macsPerFace() * 2 / 5, v1.macsPerFace() * 3 / 5);
      float[][] e = crop.embed(crops());
      float[][] full = v1.embed(crops());
      for (int i = 0; i < e.length; i++) {
        double norm = 0;
        double dot = 0;
        for (int j = 0; j < e[i].length; j++) {
          norm += e[i][j] * e[i][j];
          dot += e[i][j] * full[i][j];
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        // v1's weights on a cut-down chip: another vector than v1's on the whole chip.
        assertThat(dot).isLessThan(0.999);
      }
    }
  }

  @Test
  void aModelBuiltOnAnotherNetworkIsRefused(@TempDir Path dir) throws Exception {
    writeUntrainedModel(dir, "alien", "mobilefacenet-v0", 150, "none");
    assertThatThrownBy(() -> load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("built on mobilefacenet-v0");
  }

  @Test
  void aModelWithoutTwoUnitsLoadsThemOutAndCostsLess(@TempDir Path full, @TempDir Path cut)
      throws Exception {
    writeUntrainedModel(full, "crop104", FaceEmbedder.V1_MODEL_ID, 104, "crop");
    // Units 11 and 12 (conv256_1, conv256_2) keep the size: the network runs without them.
    writeUntrainedModel(cut, "crop104-drop", FaceEmbedder.V1_MODEL_ID, 104, "crop", List.of(12));
    try (FaceEmbedder a = load(full);
        FaceEmbedder b = load(cut)) {
      // conv256_2 at 104 px: two 3x3 convolutions of 256 channels on a 3x3 map.
      assertThat(a.macsPerFace() - b.macsPerFace()).isEqualTo(2L * 9 * 9 * 256 * 256);
      float[][] e = b.embed(crops());
      float[][] f = a.embed(crops());
      assertThat(e[0]).isNotEqualTo(f[0]);
    }
    assertThatThrownBy(
            () -> writeUntrainedModel(cut, "x", FaceEmbedder.V1_MODEL_ID, 104, "crop", List.of(13)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be dropped");
  }
}
