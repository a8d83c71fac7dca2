package io.facetrail.faces.landmark.trees;

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
    int n = meanShape.length / 2;
    double mu = 0;
    double mv = 0;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mu += meanShape[2 * i];
      mv += meanShape[2 * i + 1];
      mx += landmarks[2 * i];
      my += landmarks[2 * i + 1];
    }
    mu /= n;
    mv /= n;
    mx /= n;
    my /= n;
    double cross = 0;
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double du = meanShape[2 * i] - mu;
      double dv = meanShape[2 * i + 1] - mv;
      cross += du * (landmarks[2 * i] - mx) + dv * (landmarks[2 * i + 1] - my);
      norm += du * du + dv * dv;
    }
    double side = cross / norm;
    double left = mx - mu * side;
    double top = my - mv * side;
    return new ShapeBox(left, top, left + side, top + side);
  }
}
