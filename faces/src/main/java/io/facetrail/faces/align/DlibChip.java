package io.facetrail.faces.align;

import io.facetrail.faces.image.RgbImage;

/**
 * dlib's own face chip, reproduced: {@code get_face_chip_details(shape, 150, 0.25)} (the similarity
 * of the 33-point template onto the landmarks, reduced to an angle and a rectangle) and {@code
 * extract_image_chip} (the rectangle's corners onto the chip's corner pixels, bilinear sampling
 * with fractions truncated, black outside the image). This differs from a plain warp by the
 * similarity by about half a pixel and in rounding: small, but it is how the chips the recognition
 * network was trained on were cut.
 */
final class DlibChip {
  private DlibChip() {}

  /**
   * The chip-pixel-to-image mapping: chip pixel (c, r) lies at {@code (m[0] c + m[1] r + m[2], m[3]
   * c + m[4] r + m[5])} in the image.
   *
   * @param chipToImage the least-squares similarity from template (chip) points to landmarks
   */
  static double[] mapping(SimilarityTransform chipToImage, int size) {
    double angle = chipToImage.angle();
    double scale = chipToImage.scale();
    double cx = chipToImage.applyX(size / 2.0, size / 2.0);
    double cy = chipToImage.applyY(size / 2.0, size / 2.0);
    // centered_drect(centre, size * scale, ...) spans one pixel less than its nominal width, and
    // its corners land on the first and last chip pixels.
    double step = (size * scale - 1) / (size - 1);
    double cos = Math.cos(angle) * step;
    double sin = Math.sin(angle) * step;
    double half = (size - 1) / 2.0;
    return new double[] {
      cos, -sin, cx - cos * half + sin * half, sin, cos, cy - sin * half - cos * half
    };
  }

  /** Samples the chip: dlib's bilinear interpolation, truncated to whole grey levels. */
  static RgbImage sample(RgbImage image, double[] m, int size) {
    byte[] src = image.rgb();
    int w = image.width();
    int h = image.height();
    byte[] out = new byte[size * size * 3];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        double x = m[0] * c + m[1] * r + m[2];
        double y = m[3] * c + m[4] * r + m[5];
        int left = (int) Math.floor(x);
        int top = (int) Math.floor(y);
        if (left < 0 || top < 0 || left + 1 >= w || top + 1 >= h) {
          continue; // black, as dlib leaves pixels it cannot interpolate
        }
        double fx = x - left;
        double fy = y - top;
        int tl = (top * w + left) * 3;
        int tr = tl + 3;
        int bl = tl + w * 3;
        int br = bl + 3;
        int o = (r * size + c) * 3;
        for (int ch = 0; ch < 3; ch++) {
          double v =
              (1 - fy) * ((1 - fx) * (src[tl + ch] & 0xff) + fx * (src[tr + ch] & 0xff))
                  + fy * ((1 - fx) * (src[bl + ch] & 0xff) + fx * (src[br + ch] & 0xff));
          out[o + ch] = (byte) Math.min(255, (int) v);
        }
      }
    }
    return new RgbImage(size, size, out);
  }
}
