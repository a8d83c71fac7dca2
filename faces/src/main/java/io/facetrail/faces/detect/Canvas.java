package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;

/** Places an image on a larger black canvas. */
final class Canvas {
  private Canvas() {}

  /** The image with {@code pad} black pixels added on every side. */
  static RgbImage pad(RgbImage image, int pad) {
    int w = image.width() + 2 * pad;
    int h = image.height() + 2 * pad;
    byte[] out = new byte[w * h * 3];
    byte[] src = image.rgb();
    int row = image.width() * 3;
    for (int y = 0; y < image.height(); y++) {
      System.arraycopy(src, y * row, out, ((y + pad) * w + pad) * 3, row);
    }
    return new RgbImage(w, h, out);
  }
}
