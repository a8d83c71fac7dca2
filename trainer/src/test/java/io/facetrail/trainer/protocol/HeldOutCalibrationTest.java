package io.facetrail.trainer.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.lfw.LfwPairs;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.trainer.data.LfwFolds;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutCalibrationTest {
  private static LfwPairs.Pair same(String name) {
    return new LfwPairs.Pair(name, 1, name, 2, true);
  }

  /** Fold 1 names people A-D (two photos each), fold 2 person E. */
  private static final LfwFolds FOLDS =
      new LfwFolds(
          Path.of("unused"),
          new LfwPairs(
              List.of(List.of(same("A"), same("B"), same("C"), same("D")), List.of(same("E")))));

  /** Each person a random direction, each photo a noisy copy of it. */
  private static Map<String, float[]> embeddings(long seed, List<String> photos) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, float[]> centres = new HashMap<>();
    Map<String, float[]> out = new HashMap<>();
    for (String p : photos) {
      float[] c =
          centres.computeIfAbsent(
              p.substring(0, p.indexOf('/')),
              k -> {
                float[] v = new float[FaceCode.DIMENSIONS];
                for (int i = 0; i < v.length; i++) {
                  v[i] = (float) r.nextGaussian();
                }
                return v;
              });
      float[] v = new float[c.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = c[i] + 0.3f * (float) r.nextGaussian();
      }
      out.put(p, FaceCode.normalise(v));
    }
    return out;
  }

  @Test
  void writesTheModelsOwnTableAndItsTableAgainstV1FromTheHeldOutFoldOnly(@TempDir Path dir)
      throws Exception {
    List<String> photos = FOLDS.pairPhotosOfFolds(List.of(1, 2));
    Map<String, float[]> v1 = embeddings(1, photos);
    // A v2 that embeds every photo exactly as v1: comparing across the models then counts every
    // within-model pair twice (both orders), so both tables hold the same thresholds.
    HeldOutCalibration.Tables t =
        HeldOutCalibration.write(dir, "v2-test", "dlib-r29-v1", FOLDS, 1, v1, v1);
    assertThat(t.own().points()).hasSize(3);
    assertThat(t.withV1().points()).isEqualTo(t.own().points());
    // Fit A and C, check B and D: 4 codes per half, 4 impostor pairs within, 8 across.
    assertThat(t.own().source()).contains("fit: 4 codes, 4 impostor pairs");
    assertThat(t.withV1().source()).contains("fit: 4 codes, 8 impostor pairs");
    try (InputStream in = Files.newInputStream(dir.resolve("calibration.json"))) {
      assertThat(CalibrationTable.read(in).modelId()).isEqualTo("v2-test");
    }
    try (InputStream in = Files.newInputStream(dir.resolve("calibration-dlib-r29-v1.json"))) {
      assertThat(CalibrationTable.read(in).points()).isEqualTo(t.withV1().points());
    }
  }

  @Test
  void aMissingHeldOutEmbeddingIsAnError(@TempDir Path dir) {
    Map<String, float[]> v1 = embeddings(1, FOLDS.pairPhotosOfFolds(List.of(2)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HeldOutCalibration.write(dir, "v2", "dlib-r29-v1", FOLDS, 1, v1, v1))
        .isInstanceOf(IllegalStateException.class);
  }
}
