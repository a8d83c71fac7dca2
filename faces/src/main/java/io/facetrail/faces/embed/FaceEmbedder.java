package io.facetrail.faces.embed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.nn.Network;
import io.facetrail.faces.trained.ChipReduction;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.faces.trained.TrainedNetwork;
import io.facetrail.faces.weights.TfjsWeightLoader;
import io.facetrail.faces.weights.WeightSet;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes L2-normalised 128-D embeddings of face chips, in batches of at most {@code maxBatch}:
 * with {@link DlibResNet} as published (v1, {@value #V1_MODEL_ID}), or with a model trained on top
 * of it ({@link TrainedNetwork}, read from its folder; e.g. the harmonic v2, which runs on the
 * central part of the chip). Thread-safe: concurrent calls share the weights.
 */
public final class FaceEmbedder implements AutoCloseable {
  /** Input divisor of the published dlib model (face-api.js); the vladmandic fork uses 255. */
  public static final float DEFAULT_DIVISOR = 256f;

  /** The id of v1's embedding space: dlib's ResNet weights with this library's chip layout. */
  public static final String V1_MODEL_ID = "dlib-r29-v1";

  private static final float[] NO_MEAN = {0f, 0f, 0f};

  private final Network<? extends Block> network;
  private final int maxBatch;
  private final String modelId;
  private final int inputSize;

  /** How a 150x150 chip becomes the network's input; null when the network takes it whole. */
  private final ChipReduction reduction;

  private final long macs;

  /** v1: the published network on 150x150 chips. */
  public FaceEmbedder(Network<DlibResNet> network, int maxBatch) {
    this(
        network,
        maxBatch,
        V1_MODEL_ID,
        DlibResNet.INPUT_SIZE,
        null,
        network.block().macs(DlibResNet.INPUT_SIZE));
  }

  private FaceEmbedder(
      Network<? extends Block> network,
      int maxBatch,
      String modelId,
      int inputSize,
      ChipReduction reduction,
      long macs) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, is " + maxBatch);
    }
    this.network = network;
    this.maxBatch = maxBatch;
    this.modelId = modelId;
    this.inputSize = inputSize;
    this.reduction = reduction;
    this.macs = macs;
  }

  /** Loads v1's weights from the cache onto the device. */
  public static FaceEmbedder load(
      ModelCache cache, ResolvedDevice device, float divisor, int maxBatch) {
    return load(cache, device, divisor, maxBatch, null);
  }

  /**
   * Loads v1, or the trained model in {@code trainedModel} (a folder holding {@code model.json} and
   * its parameters, as {@code facetrail train harmonic} writes it) on top of v1's weights.
   *
   * @param trainedModel null for v1
   * @throws IllegalArgumentException when the folder's metadata or parameters are unusable
   */
  public static FaceEmbedder load(
      ModelCache cache, ResolvedDevice device, float divisor, int maxBatch, Path trainedModel) {
    WeightSet v1 = TfjsWeightLoader.load(cache.manifest(PretrainedModel.RECOGNITION));
    if (trainedModel == null) {
      return new FaceEmbedder(
          Network.load(device.device(), device.dataType(), m -> new DlibResNet(m, v1, divisor)),
          maxBatch);
    }
    ModelMetadata metadata = ModelMetadata.read(trainedModel);
    if (!V1_MODEL_ID.equals(metadata.baseModel())) {
      throw new IllegalArgumentException(
          "model "
              + metadata.id()
              + " in "
              + trainedModel
              + " is built on "
              + metadata.baseModel()
              + "; this embedder runs models built on "
              + V1_MODEL_ID);
    }
    Network<TrainedNetwork> trained =
        Network.load(
            device.device(),
            device.dataType(),
            m -> TrainedNetwork.load(new DlibResNet(m, v1, divisor), metadata, trainedModel, m));
    return new FaceEmbedder(
        trained,
        maxBatch,
        metadata.id(),
        metadata.inputSize(),
        metadata.inputSize() == DlibResNet.INPUT_SIZE ? null : ChipReduction.parse(metadata.chip()),
        trained.block().macs());
  }

  /** The id of the embedding space this embedder's vectors live in (stored with every code). */
  public String modelId() {
    return modelId;
  }

  /** Side of the square chip the network runs on (150 for v1). */
  public int inputSize() {
    return inputSize;
  }

  /** Multiply-accumulates of one face, counted from the layer shapes at {@link #inputSize()}. */
  public long macsPerFace() {
    return macs;
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
    int s = inputSize;
    int per = 3 * s * s;
    List<RgbImage> ready = new ArrayList<>(n);
    for (RgbImage chip : batch) {
      // A trained model takes part of v1's chip: reduce the 150x150 chip it was trained on.
      ready.add(s == DlibResNet.INPUT_SIZE ? chip : reduction.apply(asFullChip(chip), s));
    }
    if (ready.stream().allMatch(c -> c.width() == s && c.height() == s)) {
      // The pixels go in as they are (bytes, interleaved RGB) and become floats natively. The
      // float tensor is then a channels-last view, which PyTorch's oneDNN convolutions take
      // without reordering and pass on to every later layer: at batch 32 the network went from
      // 0.68 to 0.78-0.80 of the convolution ceiling (the packing itself saves 1 ms of 65).
      byte[] pixels = new byte[n * per];
      for (int i = 0; i < n; i++) {
        System.arraycopy(ready.get(i).rgb(), 0, pixels, i * per, per);
      }
      return network.infer(
          m ->
              m.create(ByteBuffer.wrap(pixels), new Shape(n, s, s, 3), DataType.UINT8)
                  .toType(network.dataType(), false)
                  .transpose(0, 3, 1, 2),
          this::rows);
    }
    // Chips of other sizes (the reference library's unrotated crops) are resized in Java.
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      TensorPacking.squareResize(ready.get(i), true, s, NO_MEAN, 1f, input, i * per);
    }
    return network.infer(m -> m.create(input, new Shape(n, 3, s, s)), this::rows);
  }

  private List<float[]> rows(NDList y) {
    float[] flat = y.singletonOrThrow().toFloatArray();
    int n = flat.length / 128;
    List<float[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] row = new float[128];
      System.arraycopy(flat, i * 128, row, 0, 128);
      rows.add(row);
    }
    return rows;
  }

  /** A chip of any size as v1 would see it: 150x150, zero-padded to a square and resized. */
  private static RgbImage asFullChip(RgbImage chip) {
    int full = DlibResNet.INPUT_SIZE;
    if (chip.width() == full && chip.height() == full) {
      return chip;
    }
    float[] planes = new float[3 * full * full];
    TensorPacking.squareResize(chip, true, full, NO_MEAN, 1f, planes, 0);
    int area = full * full;
    byte[] rgb = new byte[3 * area];
    for (int p = 0; p < area; p++) {
      for (int c = 0; c < 3; c++) {
        rgb[3 * p + c] = (byte) Math.max(0, Math.min(255, Math.round(planes[c * area + p])));
      }
    }
    return new RgbImage(full, full, rgb);
  }

  public Network<? extends Block> network() {
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
