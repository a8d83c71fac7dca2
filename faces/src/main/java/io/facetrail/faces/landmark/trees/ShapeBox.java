package io.facetrail.faces.landmark.trees;

import io.facetrail.faces.align.PointPairs;

/**
 * The box a shape predictor works in, in dlib's convention: the mean shape's unit square maps onto
 * [left, right] x [top, bottom], where right and bottom are the coordinates of the last pixel
 * inside (dlib's rectangles are inclusive).
 */
public record ShapeBox(double left, double top, double right, double bottom) {
  public double width() {
    return right - left;
  }

  public double height() {
    return bottom - top;
  }

  /** x in the image of normalised coordinate u (0 at the left edge, 1 at the right). */
  double imageX(double u) {
    return left + u * (right - left);
  }

  /** y in the image of normalised coordinate v. */
  double imageY(double v) {
    return top + v * (bottom - top);
  }

  /**
   * The square box in which {@code meanShape} best fits {@code landmarks} (least squares over
   * position and side). On the predictor's training data the mean shape is, by construction, the
   * average landmark layout within the face detector's boxes, so this recovers a box of the
   * detector's convention from any good set of 68 points without that detector.
   *
   * @param landmarks 136 values x0, y0, ... in image pixels
   * @param meanShape 136 values in the unit box
   */
  public static ShapeBox fit(float[] landmarks, float[] meanShape) {
    PointPairs pairs = PointPairs.of(meanShape, landmarks);
    double side = pairs.scaleWithoutRotation();
    double left = pairs.toX() - pairs.fromX() * side;
    double top = pairs.toY() - pairs.fromY() * side;
    return new ShapeBox(left, top, left + side, top + side);
  }
}
