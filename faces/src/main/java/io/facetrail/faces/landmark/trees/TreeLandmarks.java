package io.facetrail.faces.landmark.trees;

import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.ModelFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Places dlib's 68 landmarks on faces already located by a first set of 68 points (the landmark
 * network's): the box is fitted to those points in dlib's detector convention (see {@link
 * ShapeBox#fit}), then the shape predictor runs in it. Thread-safe.
 */
public final class TreeLandmarks {
  private final ShapePredictor predictor;
  private final float[] meanShape;

  public TreeLandmarks(ShapePredictor predictor) {
    if (predictor.points() != 68) {
      throw new IllegalArgumentException(
          "need a 68-point shape predictor, got " + predictor.points() + " points");
    }
    this.predictor = predictor;
    this.meanShape = predictor.meanShape();
  }

  /** Loads dlib's 68-point model from the cache (fetching it on first use). */
  public static TreeLandmarks load(ModelCache cache) {
    return new TreeLandmarks(ShapePredictorReader.read(cache.path(ModelFile.SHAPE_PREDICTOR_68)));
  }

  /**
   * dlib's landmarks for faces of one image.
   *
   * @param first per face 136 values (x0, y0, ...) in the image's pixels, locating the face
   * @return per face 136 values in the image's pixels, in the same order
   */
  public List<float[]> refine(RgbImage image, List<float[]> first) {
    List<float[]> out = new ArrayList<>(first.size());
    if (first.isEmpty()) {
      return out;
    }
    GreyImage grey = GreyImage.of(image);
    for (float[] points : first) {
      out.add(predictor.predict(grey, ShapeBox.fit(points, meanShape)));
    }
    return out;
  }
}
