package io.facetrail.faces.detect;

/**
 * An axis-aligned box in image pixels.
 *
 * @param x left edge
 * @param y top edge
 * @param width at least 0
 * @param height at least 0
 */
public record FaceBox(float x, float y, float width, float height) {
  public float right() {
    return x + width;
  }

  public float bottom() {
    return y + height;
  }

  public float centreX() {
    return x + width / 2;
  }

  public float centreY() {
    return y + height / 2;
  }

  public float area() {
    return Math.max(0, width) * Math.max(0, height);
  }

  /** Intersection over union; 0 for boxes without area. */
  public float iou(FaceBox o) {
    float iw = Math.min(right(), o.right()) - Math.max(x, o.x);
    float ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
    if (iw <= 0 || ih <= 0) {
      return 0f;
    }
    float inter = iw * ih;
    float union = area() + o.area() - inter;
    return union > 0 ? inter / union : 0f;
  }

  /** This box scaled by {@code s} and shifted by (dx, dy). */
  public FaceBox scaledAndShifted(float s, float dx, float dy) {
    return new FaceBox(x * s + dx, y * s + dy, width * s, height * s);
  }

  /** The part of this box inside a w x h image (possibly empty). */
  public FaceBox clippedTo(int w, int h) {
    float x0 = Math.max(0, x);
    float y0 = Math.max(0, y);
    float x1 = Math.min(w, right());
    float y1 = Math.min(h, bottom());
    return new FaceBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  }
}
