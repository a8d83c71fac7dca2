package io.facetrail.faces.detect;

import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.nn.Network;
import io.facetrail.faces.weights.TfjsWeightLoader;
import io.facetrail.faces.weights.WeightSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny face detector: each image scaled so that its longer side is the input size (416 by
 * default, as in the reference library; any multiple of 32, the network being fully convolutional),
 * padded bottom/right only up to the next multiple of 32 rather than to a square, YOLO-style
 * decoding with the reference library's five anchors, NMS at IoU 0.4. A 16:9 frame thus costs 56%
 * of the square pass, and a larger input size finds smaller faces in one pass without tiles.
 * Thread-safe.
 */
public final class TinyFaceDetector implements FaceDetector {
  public static final int INPUT_SIZE = 416;

  /** Cell side in input pixels: the network halves the resolution five times. */
  private static final int CELL = 32;

  private static final float[][] ANCHORS = {
    {1.603231f, 2.094468f},
    {6.041143f, 7.080126f},
    {2.882459f, 3.518061f},
    {4.266906f, 5.178857f},
    {9.041765f, 10.66308f}
  };
  private static final float IOU_THRESHOLD = 0.4f;

  private final Network<TinyYoloNet> network;
  private final int inputSize;
  private final LetterboxBatches batches;

  /**
   * @param inputSize the longer side of every image on the network's input, a multiple of 32
   */
  public TinyFaceDetector(Network<TinyYoloNet> network, int maxBatch, int inputSize) {
    if (inputSize < CELL || inputSize % CELL != 0) {
      throw new IllegalArgumentException(
          "tiny detector input size " + inputSize + " is not a positive multiple of 32");
    }
    this.network = network;
    this.inputSize = inputSize;
    this.batches = new LetterboxBatches(maxBatch, inputSize, CELL, TinyYoloNet.MEAN_RGB, 1f / 255f);
  }

  public static TinyFaceDetector load(ModelCache cache, ResolvedDevice device, int maxBatch) {
    return load(cache, device, maxBatch, INPUT_SIZE);
  }

  public static TinyFaceDetector load(
      ModelCache cache, ResolvedDevice device, int maxBatch, int inputSize) {
    WeightSet w = TfjsWeightLoader.load(cache.manifest(PretrainedModel.TINY_FACE_DETECTOR));
    return new TinyFaceDetector(
        Network.load(device.device(), device.dataType(), m -> new TinyYoloNet(m, w)),
        maxBatch,
        inputSize);
  }

  @Override
  public List<List<Detection>> detect(List<RgbImage> images, float minScore) {
    return batches.detect(
        images,
        input -> {
          float[] raw =
              network.infer(
                  m -> m.create(input.values(), input.shape()),
                  y -> y.singletonOrThrow().toFloatArray());
          int cols = input.width() / CELL;
          int rows = input.height() / CELL;
          return (i, source) -> decode(raw, i, cols, rows, source, minScore);
        });
  }

  private List<Detection> decode(
      float[] raw, int image, int cols, int rows, RgbImage source, float minScore) {
    int plane = cols * rows;
    // Input pixels to image pixels, per axis, from the rounded scaled size (the reference's rule).
    float toX = source.width() / (float) InputShape.scaled(source.width(), source, inputSize);
    float toY = source.height() / (float) InputShape.scaled(source.height(), source, inputSize);
    int base = image * 25 * plane;
    List<Detection> candidates = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < cols; col++) {
        for (int a = 0; a < ANCHORS.length; a++) {
          int c = base + (a * 5) * plane + row * cols + col;
          float score = sigmoid(raw[c + 4 * plane]);
          if (score <= minScore) {
            continue;
          }
          float cx = (col + sigmoid(raw[c])) * CELL * toX;
          float cy = (row + sigmoid(raw[c + plane])) * CELL * toY;
          float bw = (float) Math.exp(raw[c + 2 * plane]) * ANCHORS[a][0] * CELL * toX;
          float bh = (float) Math.exp(raw[c + 3 * plane]) * ANCHORS[a][1] * CELL * toY;
          candidates.add(new Detection(new FaceBox(cx - bw / 2, cy - bh / 2, bw, bh), score));
        }
      }
    }
    return NonMaxSuppression.apply(candidates, IOU_THRESHOLD, Integer.MAX_VALUE);
  }

  private static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }

  @Override
  public long macsPerImage() {
    return network.block().macs(inputSize);
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public void close() {
    network.close();
  }
}
