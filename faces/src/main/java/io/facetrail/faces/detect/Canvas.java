package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;

/** Places an image on a larger black canvas. */
final class Canvas {
  private Canvas() {}

  /**
   * The image with {@code pad} black pixels added on every side.
   *
   * @throws io.facetrail.faces.image.ImageTooLargeException when the canvas would not fit in one
   *     array (sizes are computed in long: in int a 20000x20000 photo's canvas overflowed)
   */
  static RgbImage pad(RgbImage image, int pad) {
    int w = (int) Math.min(Integer.MAX_VALUE, image.width() + 2L * pad);
    int h = (int) Math.min(Integer.MAX_VALUE, image.height() + 2L * pad);
    byte[] out = new byte[RgbImage.byteCount(w, h)];
    byte[] src = image.rgb();
    int row = image.width() * 3;
    for (int y = 0; y < image.height(); y++) {
      System.arraycopy(src, y * row, out, ((y + pad) * w + pad) * 3, row);
    }
    return new RgbImage(w, h, out);
  }
}
