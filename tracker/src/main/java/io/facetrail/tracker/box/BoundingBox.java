package io.facetrail.tracker.box;

/**
 * An axis-aligned box in frame pixels: top-left corner, width and height.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, positive
 * @param height height, positive
 */
public record BoundingBox(double x, double y, double width, double height) {
  public BoundingBox {
    if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException(
          "box needs finite corner and positive size, got "
              + x
              + ","
              + y
              + " "
              + width
              + "x"
              + height);
    }
  }

  /** The box with the given centre and size. */
  public static BoundingBox ofCentre(double cx, double cy, double width, double height) {
    return new BoundingBox(cx - width / 2, cy - height / 2, width, height);
  }

  public double centreX() {
    return x + width / 2;
  }

  public double centreY() {
    return y + height / 2;
  }

  public double area() {
    return width * height;
  }

  /** Intersection over union, 0 (disjoint) to 1 (identical). */
  public double iou(BoundingBox o) {
    double intersection = intersection(o);
    return intersection <= 0 ? 0 : intersection / (area() + o.area() - intersection);
  }

  /** Area shared by both boxes. */
  public double intersection(BoundingBox o) {
    double w = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
    double h = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
    return w <= 0 || h <= 0 ? 0 : w * h;
  }
}
