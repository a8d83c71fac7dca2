package io.facetrail.trainer.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.triplet.HeadBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Embeds photos with a head over their cached trunk features the way the production pipeline embeds
 * a face: the chip and its mirror image (variants 0 and 1) are embedded, summed and L2-normalised.
 */
public final class HeadEmbedder {
  private final NDManager manager;
  private final Shape featureShape;
  private final BiFunction<String, Integer, float[]> features;
  private final int batch;

  public HeadEmbedder(
      NDManager manager,
      Shape featureShape,
      BiFunction<String, Integer, float[]> features,
      int batch) {
    this.manager = manager;
    this.featureShape = featureShape;
    this.features = features;
    this.batch = batch;
  }

  /** The unit-length embedding of each photo. */
  public Map<String, float[]> embed(TrainableHead head, List<String> photos) {
    Map<String, float[]> out = new HashMap<>();
    int per = (int) featureShape.size();
    for (int start = 0; start < photos.size(); start += batch) {
      List<String> part = photos.subList(start, Math.min(photos.size(), start + batch));
      int n = part.size();
      float[] input = new float[2 * n * per];
      for (int i = 0; i < n; i++) {
        for (int v = 0; v < 2; v++) {
          float[] f = features.apply(part.get(i), v);
          if (f == null) {
            throw new IllegalStateException("no trunk feature for an evaluation photo");
          }
          System.arraycopy(f, 0, input, (2 * i + v) * per, per);
        }
      }
      try (NDManager call = manager.newSubManager()) {
        NDArray x = call.create(input, HeadBatch.stacked(2L * n, featureShape));
        NDArray y =
            head.forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
        float[] flat = y.toFloatArray();
        int d = (int) y.getShape().get(1);
        for (int i = 0; i < n; i++) {
          float[] sum = new float[d];
          for (int v = 0; v < 2; v++) {
            // Each view is normalised before the sum, as the production flip averaging does.
            float[] view = new float[d];
            System.arraycopy(flat, (2 * i + v) * d, view, 0, d);
            float[] unit = FaceCode.normalise(view);
            for (int k = 0; k < d; k++) {
              sum[k] += unit[k];
            }
          }
          out.put(part.get(i), FaceCode.normalise(sum));
        }
      }
    }
    return out;
  }
}
