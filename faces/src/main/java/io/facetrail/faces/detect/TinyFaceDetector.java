package io.facetrail.faces.detect;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
 * The tiny face detector at 416x416: images padded bottom/right to a square, YOLO-style decoding
 * with the reference library's five anchors, NMS at IoU 0.4. Thread-safe.
 */
public final class TinyFaceDetector implements FaceDetector {
  public static final int INPUT_SIZE = 416;
  private static final float[][] ANCHORS = {
    {1.603231f, 2.094468f},
    {6.041143f, 7.080126f},
    {2.882459f, 3.518061f},
    {4.266906f, 5.178857f},
    {9.041765f, 10.66308f}
  };
  private static final float IOU_THRESHOLD = 0.4f;

  private final Network<TinyYoloNet> network;
  private final int maxBatch;

  public TinyFaceDetector(Network<TinyYoloNet> network, int maxBatch) {
    this.network = network;
    this.maxBatch = maxBatch;
  }

  public static TinyFaceDetector load(ModelCache cache, ResolvedDevice device, int maxBatch) {
    NDManager manager = NDManager.newBaseManager(device.device());
    try {
      TinyYoloNet net =
          new TinyYoloNet(
              manager, TfjsWeightLoader.load(cache.manifest(PretrainedModel.TINY_FACE_DETECTOR)));
      return new TinyFaceDetector(new Network<>(manager, net, device.dataType()), maxBatch);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public List<List<Detection>> detect(List<RgbImage> images, float minScore) {
    List<List<Detection>> out = new ArrayList<>(images.size());
    for (int start = 0; start < images.size(); start += maxBatch) {
      out.addAll(
          runBatch(images.subList(start, Math.min(images.size(), start + maxBatch)), minScore));
    }
    return out;
  }

  private List<List<Detection>> runBatch(List<RgbImage> batch, float minScore) {
    int n = batch.size();
    int s = INPUT_SIZE;
    int per = 3 * s * s;
    float[] input = new float[n * per];
    for (int i = 0; i < n; i++) {
      TensorPacking.squareResize(
          batch.get(i), false, s, TinyYoloNet.MEAN_RGB, 1f / 255f, input, i * per);
    }
    float[] raw =
        network.infer(
            m -> m.create(input, new Shape(n, 3, s, s)), y -> y.singletonOrThrow().toFloatArray());
    List<List<Detection>> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(decode(raw, i, batch.get(i).width(), batch.get(i).height(), minScore));
    }
    return result;
  }

  private static List<Detection> decode(
      float[] raw, int image, int width, int height, float minScore) {
    int cells = INPUT_SIZE / 32;
    int plane = cells * cells;
    int longest = Math.max(width, height);
    float corrX = INPUT_SIZE / (float) Math.round(width * (INPUT_SIZE / (float) longest));
    float corrY = INPUT_SIZE / (float) Math.round(height * (INPUT_SIZE / (float) longest));
    int base = image * 25 * plane;
    List<Detection> candidates = new ArrayList<>();
    for (int row = 0; row < cells; row++) {
      for (int col = 0; col < cells; col++) {
        for (int a = 0; a < ANCHORS.length; a++) {
          int c = base + (a * 5) * plane + row * cells + col;
          float score = sigmoid(raw[c + 4 * plane]);
          if (score <= minScore) {
            continue;
          }
          float cx = (col + sigmoid(raw[c])) / cells * corrX;
          float cy = (row + sigmoid(raw[c + plane])) / cells * corrY;
          float w = (float) Math.exp(raw[c + 2 * plane]) * ANCHORS[a][0] / cells * corrX;
          float h = (float) Math.exp(raw[c + 3 * plane]) * ANCHORS[a][1] / cells * corrY;
          candidates.add(
              new Detection(
                  new FaceBox((cx - w / 2) * width, (cy - h / 2) * height, w * width, h * height),
                  score));
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
    return network.block().macs(INPUT_SIZE);
  }

  @Override
  public int inputSize() {
    return INPUT_SIZE;
  }

  @Override
  public void close() {
    network.close();
  }
}
