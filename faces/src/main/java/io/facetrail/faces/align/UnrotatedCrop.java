package io.facetrail.faces.align;

import io.facetrail.faces.image.RgbImage;

/**
 * The reference library's face crop for recognition ({@code alignDlib}): an unrotated square sized
 * from the eye-to-mouth distances, placed around the centre of eyes and mouth, clipped to the
 * image.
 */
final class UnrotatedCrop {
  private UnrotatedCrop() {}

  static RgbImage cut(RgbImage image, float[] lm) {
    double lx = FaceAligner.mean(lm, 36, 41, 0);
    double ly = FaceAligner.mean(lm, 36, 41, 1);
    double rx = FaceAligner.mean(lm, 42, 47, 0);
    double ry = FaceAligner.mean(lm, 42, 47, 1);
    double mx = FaceAligner.mean(lm, 48, 67, 0);
    double my = FaceAligner.mean(lm, 48, 67, 1);
    double d = (Math.hypot(mx - lx, my - ly) + Math.hypot(mx - rx, my - ry)) / 2;
    int size = (int) Math.floor(d / 0.45);
    double cx = (lx + rx + mx) / 3;
    double cy = (ly + ry + my) / 3;
    int x = (int) Math.floor(Math.max(0, cx - 0.5 * size));
    int y = (int) Math.floor(Math.max(0, cy - 0.43 * size));
    int w = Math.max(1, Math.min(size, image.width() - x));
    int h = Math.max(1, Math.min(size, image.height() - y));
    x = Math.min(x, image.width() - 1);
    y = Math.min(y, image.height() - 1);
    return image.crop(x, y, Math.min(w, image.width() - x), Math.min(h, image.height() - y));
  }
}
