package io.facetrail.faces.landmark;

import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.nn.Network;
import io.facetrail.faces.weights.TfjsWeightLoader;
import io.facetrail.faces.weights.WeightSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds 68 landmarks in face crops (a detection box cut from the image), in batches. Each crop is
 * zero-padded (centred) to a square and resized to 112x112; points come back in the crop's pixel
 * coordinates, undoing the padding exactly as the reference library does. Thread-safe.
 */
public final class LandmarkDetector implements AutoCloseable {
  private static final float INV_255 = 1f / 255f;

  private final Network<LandmarkNet> network;
  private final int maxBatch;

  public LandmarkDetector(Network<LandmarkNet> network, int maxBatch) {
    this.network = network;
    this.maxBatch = maxBatch;
  }

  public static LandmarkDetector load(ModelCache cache, ResolvedDevice device, int maxBatch) {
    WeightSet w = TfjsWeightLoader.load(cache.manifest(PretrainedModel.LANDMARKS_68));
    return new LandmarkDetector(
        Network.load(device.device(), device.dataType(), m -> new LandmarkNet(m, w)), maxBatch);
  }

  /**
   * Landmarks of each crop.
   *
   * @return per crop 136 values: x0, y0, x1, y1, ... in the crop's pixels
   */
  public List<float[]> detect(List<RgbImage> crops) {
    List<float[]> out = new ArrayList<>(crops.size());
    for (int start = 0; start < crops.size(); start += maxBatch) {
      out.addAll(runBatch(crops.subList(start, Math.min(crops.size(), start + maxBatch))));
    }
    return out;
  }

  private List<float[]> runBatch(List<RgbImage> batch) {
    int n = batch.size();
    int s = LandmarkNet.INPUT_SIZE;
    int per = 3 * s * s;
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      TensorPacking.squareResize(
          batch.get(i), true, s, LandmarkNet.MEAN_RGB, INV_255, input, i * per);
    }
    float[] flat =
        network.infer(
            m -> m.create(input, new Shape(n, 3, s, s)), y -> y.singletonOrThrow().toFloatArray());
    List<float[]> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(toCropPixels(flat, i * 136, batch.get(i).width(), batch.get(i).height()));
    }
    return result;
  }

  /** The reference library's post-processing: undo the centred padding, scale to the crop. */
  static float[] toCropPixels(float[] raw, int offset, int width, int height) {
    float s = LandmarkNet.INPUT_SIZE;
    float scale = s / Math.max(width, height);
    float w = width * scale;
    float h = height * scale;
    float padX = w < h ? Math.abs(w - h) / 2 : 0;
    float padY = h < w ? Math.abs(w - h) / 2 : 0;
    float[] p = new float[136];
    for (int k = 0; k < 68; k++) {
      p[2 * k] = (raw[offset + 2 * k] * s - padX) / w * width;
      p[2 * k + 1] = (raw[offset + 2 * k + 1] * s - padY) / h * height;
    }
    return p;
  }

  @Override
  public void close() {
    network.close();
  }
}
