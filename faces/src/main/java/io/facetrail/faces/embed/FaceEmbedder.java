package io.facetrail.faces.embed;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.nn.Network;
import io.facetrail.faces.weights.TfjsWeightLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes L2-normalised 128-D embeddings of face chips with {@link DlibResNet}, in batches of at
 * most {@code maxBatch}. Thread-safe: concurrent calls share the weights.
 */
public final class FaceEmbedder implements AutoCloseable {
  /** Input divisor of the published dlib model (face-api.js); the vladmandic fork uses 255. */
  public static final float DEFAULT_DIVISOR = 256f;

  private static final float[] NO_MEAN = {0f, 0f, 0f};

  private final Network<DlibResNet> network;
  private final int maxBatch;

  public FaceEmbedder(Network<DlibResNet> network, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, is " + maxBatch);
    }
    this.network = network;
    this.maxBatch = maxBatch;
  }

  /** Loads the weights from the cache onto the device. */
  public static FaceEmbedder load(
      ModelCache cache, ResolvedDevice device, float divisor, int maxBatch) {
    NDManager manager = NDManager.newBaseManager(device.device());
    try {
      DlibResNet net =
          new DlibResNet(
              manager, TfjsWeightLoader.load(cache.manifest(PretrainedModel.RECOGNITION)), divisor);
      return new FaceEmbedder(new Network<>(manager, net, device.dataType()), maxBatch);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Embeds chips. A chip of 150x150 is used as it is; any other size is zero-padded (centred) to a
   * square and resized to 150x150, as the reference library does.
   *
   * @return one unit-length vector per chip, in order
   */
  public float[][] embed(List<RgbImage> chips) {
    float[][] raw = embedRaw(chips);
    float[][] out = new float[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      out[i] = FaceCode.normalise(raw[i]);
    }
    return out;
  }

  /** The network's raw (unnormalised) output, as the reference library returns it. */
  public float[][] embedRaw(List<RgbImage> chips) {
    List<float[]> out = new ArrayList<>(chips.size());
    for (int start = 0; start < chips.size(); start += maxBatch) {
      List<RgbImage> batch = chips.subList(start, Math.min(chips.size(), start + maxBatch));
      out.addAll(runBatch(batch));
    }
    return out.toArray(new float[0][]);
  }

  private List<float[]> runBatch(List<RgbImage> batch) {
    int n = batch.size();
    int s = DlibResNet.INPUT_SIZE;
    int per = 3 * s * s;
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      RgbImage chip = batch.get(i);
      if (chip.width() == s && chip.height() == s) {
        TensorPacking.planar(chip, input, i * per);
      } else {
        TensorPacking.squareResize(chip, true, s, NO_MEAN, 1f, input, i * per);
      }
    }
    return network.infer(
        m -> m.create(input, new Shape(n, 3, s, s)),
        y -> {
          float[] flat = y.singletonOrThrow().toFloatArray();
          List<float[]> rows = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            float[] row = new float[128];
            System.arraycopy(flat, i * 128, row, 0, 128);
            rows.add(row);
          }
          return rows;
        });
  }

  public Network<DlibResNet> network() {
    return network;
  }

  public int maxBatch() {
    return maxBatch;
  }

  @Override
  public void close() {
    network.close();
  }
}
