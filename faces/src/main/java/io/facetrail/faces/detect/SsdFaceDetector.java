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
 * The SSD MobileNetV1 face detector. Each image is scaled so that its longer side is 512 pixels and
 * placed at the top left of an input whose shorter side is the scaled side rounded up to a multiple
 * of 32 (a 1080p frame: 512 x 288, 56% of the reference's 512 x 512 square for the same pixels);
 * anchors follow the input ({@link SsdAnchors}). The predictions are decoded, thresholded and
 * suppressed (IoU 0.5) following the reference library, so that boxes and scores match it.
 */
public final class SsdFaceDetector implements FaceDetector {
  private static final float[] MEAN = {127.5f, 127.5f, 127.5f};
  private static final float IOU_THRESHOLD = 0.5f;
  private static final int MAX_RESULTS = 100;

  /** Rounding of the shorter input side: keeps the stride-16 and stride-32 layers aligned. */
  private static final int CELL = 32;

  private final Network<SsdMobileNetV1> network;
  private final SsdAnchors anchors;
  private final LetterboxBatches batches;

  public SsdFaceDetector(Network<SsdMobileNetV1> network, float[] anchors, int maxBatch) {
    this.network = network;
    this.anchors = new SsdAnchors(anchors);
    this.batches =
        new LetterboxBatches(maxBatch, SsdMobileNetV1.INPUT_SIZE, CELL, MEAN, 1f / 127.5f);
  }

  public static SsdFaceDetector load(ModelCache cache, ResolvedDevice device, int maxBatch) {
    WeightSet w = TfjsWeightLoader.load(cache.manifest(PretrainedModel.SSD_MOBILENET_V1));
    float[] anchors = w.get("Output/extra_dim").requireShape(1, 5118, 4).values();
    return new SsdFaceDetector(
        Network.load(device.device(), device.dataType(), m -> new SsdMobileNetV1(m, w)),
        anchors,
        maxBatch);
  }

  @Override
  public List<List<Detection>> detect(List<RgbImage> images, float minScore) {
    return batches.detect(
        images,
        input -> {
          int w = input.width();
          int h = input.height();
          SsdMobileNetV1 net = network.block();
          float[] boxAnchors = anchors.forInput(h, w, net.featureSizes(h), net.featureSizes(w));
          float[][] raw =
              network.infer(
                  m -> m.create(input.values(), input.shape()),
                  y -> new float[][] {y.get(0).toFloatArray(), y.get(1).toFloatArray()});
          return (i, source) -> decode(raw[0], raw[1], boxAnchors, i, source, w, h, minScore);
        });
  }

  private List<Detection> decode(
      float[] boxes,
      float[] classes,
      float[] anchors,
      int image,
      RgbImage source,
      int inputW,
      int inputH,
      float minScore) {
    int count = anchors.length / 4;
    int width = source.width();
    int height = source.height();
    // Input fractions to image fractions through the rounded scaled size (the reference's rule).
    float padX = inputW / (float) InputShape.scaled(width, source, SsdMobileNetV1.INPUT_SIZE);
    float padY = inputH / (float) InputShape.scaled(height, source, SsdMobileNetV1.INPUT_SIZE);
    List<Detection> candidates = new ArrayList<>();
    for (int a = 0; a < count; a++) {
      float logit = classes[(image * count + a) * 3 + 1];
      float score = (float) (1 / (1 + Math.exp(-logit)));
      if (score <= minScore) {
        continue;
      }
      int b = (image * count + a) * 4;
      float ay0 = anchors[a * 4];
      float ax0 = anchors[a * 4 + 1];
      float ah = anchors[a * 4 + 2] - ay0;
      float aw = anchors[a * 4 + 3] - ax0;
      float cy = boxes[b] / 10 * ah + ay0 + ah / 2;
      float cx = boxes[b + 1] / 10 * aw + ax0 + aw / 2;
      float hh = (float) Math.exp(boxes[b + 2] / 5) * ah / 2;
      float hw = (float) Math.exp(boxes[b + 3] / 5) * aw / 2;
      float top = Math.max(0, cy - hh) * padY;
      float bottom = Math.min(1, cy + hh) * padY;
      float left = Math.max(0, cx - hw) * padX;
      float right = Math.min(1, cx + hw) * padX;
      candidates.add(
          new Detection(
              new FaceBox(
                  left * width, top * height, (right - left) * width, (bottom - top) * height),
              score));
    }
    return NonMaxSuppression.apply(candidates, IOU_THRESHOLD, MAX_RESULTS);
  }

  @Override
  public long macsPerImage() {
    return network.block().macs();
  }

  @Override
  public int inputSize() {
    return SsdMobileNetV1.INPUT_SIZE;
  }

  @Override
  public void close() {
    network.close();
  }
}
