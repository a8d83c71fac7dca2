package io.facetrail.faces.detect;

import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.graph.GraphBlock;
import io.facetrail.faces.graph.GraphCost;
import io.facetrail.faces.graph.TfGraph;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A BlazeFace-family detector ({@link BlazeModel}) run from its TensorFlow graph. Each image is
 * placed at the top left of a square canvas as wide as its longer side (the graphs' heads are
 * reshaped to fixed anchor counts, so the input must be the model's square), resized to the input
 * side with TensorFlow's bilinear rule and scaled to -1..1 (value / 127.5 - 1), as the human
 * library feeds these models. Boxes are decoded as that library and MediaPipe do (centre =
 * regressed offset + anchor centre, size regressed, in input pixels; score = sigmoid of the logit),
 * then suppressed at IoU 0.3 (MediaPipe's threshold for these detectors).
 *
 * <p>The human library stretches non-square images to the square instead of padding them; padding
 * keeps faces at their true aspect ratio, which is what the networks were trained on. On square
 * images both are the same (the parity test's case).
 */
public final class BlazeFaceDetector implements FaceDetector {
  private static final float[] MEAN = {127.5f, 127.5f, 127.5f};
  private static final float IOU_THRESHOLD = 0.3f;
  private static final int MAX_RESULTS = 100;

  private final BlazeModel model;
  private final Network<GraphBlock> network;
  private final float[] anchors;
  private final long macs;

  BlazeFaceDetector(BlazeModel model, Network<GraphBlock> network, long macs) {
    this.model = model;
    this.network = network;
    this.anchors = model.anchors();
    this.macs = macs;
  }

  /** Loads {@code model}'s graph from the cache (fetching it when missing) onto the device. */
  public static BlazeFaceDetector load(BlazeModel model, ModelCache cache, ResolvedDevice device) {
    TfGraph graph = TfGraph.read(cache.graph(model.graph(), model.weights()));
    long macs = GraphCost.macs(graph, model.inputSize(), model.outputs());
    return new BlazeFaceDetector(
        model,
        Network.load(
            device.device(),
            device.dataType(),
            m -> GraphBlock.ofOutputs(m, graph, model.outputs())),
        macs);
  }

  public BlazeModel model() {
    return model;
  }

  /**
   * One image per network call: the BlazeFace graph's heads are reshaped to a batch of one, and on
   * a CPU single images are faster anyway ({@code FacePipeline.detectBatch}).
   */
  @Override
  public List<List<Detection>> detect(List<RgbImage> images, float minScore) {
    List<List<Detection>> out = new ArrayList<>(images.size());
    for (RgbImage image : images) {
      out.add(detectOne(image, minScore));
    }
    return out;
  }

  private List<Detection> detectOne(RgbImage image, float minScore) {
    return decode(heads(image), image, minScore);
  }

  /**
   * The network's raw values per anchor, in the anchors' order.
   *
   * @param logits score logit per anchor
   * @param boxes per anchor the centre offset (x, y) and size (width, height) in input pixels
   */
  record Heads(float[] logits, float[] boxes) {}

  /** Runs the network on one image. */
  Heads heads(RgbImage image) {
    int s = model.inputSize();
    float[] input = new float[3 * s * s];
    TensorPacking.squareResize(image, false, s, MEAN, 1f / 127.5f, input, 0);
    float[][] raw =
        network.infer(
            m -> m.create(input, new Shape(1, 3, s, s)),
            y -> {
              float[][] r = new float[y.size()][];
              for (int i = 0; i < y.size(); i++) {
                r[i] = y.get(i).toFloatArray();
              }
              return r;
            });
    int count = anchors.length / 2;
    float[] logits = new float[count];
    float[] boxes = new float[4 * count];
    if (model.combinedHead()) {
      int width = raw[0].length / count;
      for (int a = 0; a < count; a++) {
        logits[a] = raw[0][a * width];
        System.arraycopy(raw[0], a * width + 1, boxes, 4 * a, 4);
      }
    } else {
      int a = 0;
      for (int head = 0; head < raw.length; head += 2) {
        float[] scores = raw[head];
        float[] regs = raw[head + 1];
        int width = regs.length / scores.length;
        for (int i = 0; i < scores.length; i++, a++) {
          logits[a] = scores[i];
          System.arraycopy(regs, i * width, boxes, 4 * a, 4);
        }
      }
    }
    return new Heads(logits, boxes);
  }

  private List<Detection> decode(Heads heads, RgbImage image, float minScore) {
    float[] logits = heads.logits();
    float[] boxes = heads.boxes();
    int count = logits.length;
    float toImage = Math.max(image.width(), image.height()) / (float) model.inputSize();
    List<Detection> candidates = new ArrayList<>();
    for (int a = 0; a < count; a++) {
      float score = (float) (1 / (1 + Math.exp(-logits[a])));
      if (score <= minScore) {
        continue;
      }
      float cx = boxes[4 * a] + anchors[2 * a];
      float cy = boxes[4 * a + 1] + anchors[2 * a + 1];
      float w = boxes[4 * a + 2];
      float h = boxes[4 * a + 3];
      if (w <= 0 || h <= 0) {
        continue;
      }
      candidates.add(
          new Detection(
              new FaceBox((cx - w / 2) * toImage, (cy - h / 2) * toImage, w * toImage, h * toImage),
              score));
    }
    // Suppression on the unclipped boxes, as the reference does; clipping afterwards.
    List<Detection> out = new ArrayList<>();
    for (Detection d : NonMaxSuppression.apply(candidates, IOU_THRESHOLD, MAX_RESULTS)) {
      FaceBox b = d.box().clippedTo(image.width(), image.height());
      if (b.width() > 0 && b.height() > 0) {
        out.add(new Detection(b, d.score()));
      }
    }
    return out;
  }

  @Override
  public long macsPerImage() {
    return macs;
  }

  @Override
  public int inputSize() {
    return model.inputSize();
  }

  @Override
  public void close() {
    network.close();
  }
}
