package io.facetrail.trainer.harmonic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.trained.TrainableHead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * v1's L2-normalised embedding of every chip variant training may draw, computed once from the
 * cached full-resolution trunk features through v1's own (untrained, frozen) last units: the
 * constant targets of harmonic training. 128 floats per variant, so they stay in memory.
 */
public final class TeacherEmbeddings {
  private final Map<String, float[][]> byPhoto = new HashMap<>();

  private TeacherEmbeddings() {}

  /**
   * @param v1Head a head holding v1's pretrained weights, evaluated without training
   * @param features the full-resolution trunk feature of (photo, variant)
   * @param featureShape C, H, W of one feature
   */
  public static TeacherEmbeddings compute(
      NDManager manager,
      TrainableHead v1Head,
      BiFunction<String, Integer, float[]> features,
      Shape featureShape,
      List<String> photos,
      int variants,
      int batch) {
    TeacherEmbeddings out = new TeacherEmbeddings();
    int per = (int) featureShape.size();
    int rowsPerBatch = Math.max(1, batch / variants);
    for (int start = 0; start < photos.size(); start += rowsPerBatch) {
      List<String> part = photos.subList(start, Math.min(photos.size(), start + rowsPerBatch));
      int n = part.size() * variants;
      float[] input = new float[n * per];
      for (int i = 0; i < part.size(); i++) {
        for (int v = 0; v < variants; v++) {
          float[] f = features.apply(part.get(i), v);
          if (f == null) {
            throw new IllegalStateException("no v1 trunk feature for a training face");
          }
          System.arraycopy(f, 0, input, (i * variants + v) * per, per);
        }
      }
      try (NDManager call = manager.newSubManager()) {
        NDArray x =
            call.create(
                input, new Shape(n, featureShape.get(0), featureShape.get(1), featureShape.get(2)));
        NDArray y =
            v1Head
                .forward(new ParameterStore(call, false), new NDList(x), false)
                .singletonOrThrow();
        float[] flat = y.toFloatArray();
        int d = (int) y.getShape().get(1);
        for (int i = 0; i < part.size(); i++) {
          float[][] rows = new float[variants][];
          for (int v = 0; v < variants; v++) {
            float[] row = new float[d];
            System.arraycopy(flat, (i * variants + v) * d, row, 0, d);
            rows[v] = FaceCode.normalise(row);
          }
          out.byPhoto.put(part.get(i), rows);
        }
      }
    }
    return out;
  }

  /** The embedding of a variant of a photo, or null when it was not computed. */
  public float[] get(String photo, int variant) {
    float[][] rows = byPhoto.get(photo);
    return rows == null || variant >= rows.length ? null : rows[variant];
  }
}
