package io.facetrail.faces.landmark.trees;

import io.facetrail.faces.align.SimilarityTransform;
import java.util.List;

/**
 * dlib's shape predictor: starting from the mean shape in the face box, each cascade level samples
 * grey levels at its feature pixels (placed relative to the current shape by the similarity
 * transform that takes the mean shape onto it), walks every tree of its forest by pixel
 * differences, and adds the leaves' shape increments. Immutable and thread-safe; about 1 ms per
 * face for the 68-point model.
 */
public final class ShapePredictor {
  private final float[] initialShape;
  private final List<Cascade> cascades;

  ShapePredictor(float[] initialShape, List<Cascade> cascades) {
    this.initialShape = initialShape.clone();
    this.cascades = List.copyOf(cascades);
  }

  /** Landmarks the model predicts. */
  public int points() {
    return initialShape.length / 2;
  }

  /** Cascade levels. */
  public int levels() {
    return cascades.size();
  }

  /** Trees in cascade level {@code level}. */
  public int trees(int level) {
    return cascades.get(level).trees();
  }

  /** Splits per tree in cascade level {@code level} (a complete tree has one leaf more). */
  public int splitsPerTree(int level) {
    return cascades.get(level).splitsPerTree();
  }

  /** Feature pixels sampled by cascade level {@code level}. */
  public int featurePixels(int level) {
    return cascades.get(level).featurePixels();
  }

  /** The mean shape in the unit box: x0, y0, x1, y1, ... */
  public float[] meanShape() {
    return initialShape.clone();
  }

  /**
   * The landmarks in {@code box}.
   *
   * @return 2 * {@link #points()} values x0, y0, ... in image pixels (dlib rounds them to whole
   *     pixels; they are kept exact here)
   */
  public float[] predict(GreyImage image, ShapeBox box) {
    float[] shape = initialShape.clone();
    int[] values = new int[0];
    for (Cascade c : cascades) {
      if (values.length != c.featurePixels()) {
        values = new int[c.featurePixels()];
      }
      sample(image, box, shape, c, values);
      addLeaves(c, values, shape);
    }
    float[] out = new float[shape.length];
    for (int i = 0; i < shape.length; i += 2) {
      out[i] = (float) box.imageX(shape[i]);
      out[i + 1] = (float) box.imageY(shape[i + 1]);
    }
    return out;
  }

  /** Grey levels at the feature pixels of {@code c}, placed relative to the current shape. */
  private void sample(GreyImage image, ShapeBox box, float[] shape, Cascade c, int[] values) {
    // Only the rotation and scale of the mean-to-current similarity move the offsets: the
    // translation is carried by the anchor landmark itself.
    // dlib's find_similarity_transform, for shapes without reflection, is this least-squares fit.
    SimilarityTransform m = SimilarityTransform.fit(initialShape, shape);
    double a = m.a();
    double b = m.b();
    int[] anchors = c.anchors();
    float[] dx = c.deltaX();
    float[] dy = c.deltaY();
    for (int i = 0; i < values.length; i++) {
      int k = 2 * anchors[i];
      double u = a * dx[i] - b * dy[i] + shape[k];
      double v = b * dx[i] + a * dy[i] + shape[k + 1];
      // dlib converts the point to whole pixels by rounding half up.
      long x = (long) Math.floor(box.imageX(u) + 0.5);
      long y = (long) Math.floor(box.imageY(v) + 0.5);
      values[i] = image.at(x, y);
    }
  }

  private static void addLeaves(Cascade c, int[] values, float[] shape) {
    int splits = c.splitsPerTree();
    int leavesPerTree = c.leavesPerTree();
    int len = shape.length;
    int[] first = c.firstPixel();
    int[] second = c.secondPixel();
    float[] thresholds = c.thresholds();
    float[] leaves = c.leaves();
    int trees = c.trees();
    for (int t = 0; t < trees; t++) {
      int base = t * splits;
      int node = 0;
      while (node < splits) {
        int k = base + node;
        node = values[first[k]] - values[second[k]] > thresholds[k] ? 2 * node + 1 : 2 * node + 2;
      }
      int offset = (t * leavesPerTree + node - splits) * len;
      for (int i = 0; i < len; i++) {
        shape[i] += leaves[offset + i];
      }
    }
  }
}
