package io.facetrail.faces.image;

/**
 * Writes images into planar (NCHW) float tensors as the networks expect them, resizing with
 * TensorFlow's original bilinear rule (no half-pixel offset: source = destination * in / out,
 * clamped at the edge). The pretrained detectors and the reference library use that rule, so using
 * it here keeps boxes and scores identical to the reference rather than shifted by half a pixel.
 */
public final class TensorPacking {
  private TensorPacking() {}

  /**
   * Places {@code image} on a {@code canvas x canvas} zero canvas (centred, or at the top left when
   * {@code centre} is false), resizes it to {@code size x size} and writes (value - mean[c]) *
   * factor into {@code out} at {@code offset} as three planes.
   *
   * <p>Padding to a square before resizing is the reference library's rule; the canvas side is the
   * longer image side.
   */
  public static void squareResize(
      RgbImage image,
      boolean centre,
      int size,
      float[] mean,
      float factor,
      float[] out,
      int offset) {
    int side = Math.max(image.width(), image.height());
    int padX = centre ? Math.round((side - image.width()) * 0.5f) : 0;
    int padY = centre ? Math.round((side - image.height()) * 0.5f) : 0;
    if (centre) {
      // TensorFlow.js pads round(diff / 2) after and the rest before.
      padX = side - image.width() - padX;
      padY = side - image.height() - padY;
    }
    float scale = side / (float) size;
    int plane = size * size;
    byte[] rgb = image.rgb();
    int w = image.width();
    for (int dy = 0; dy < size; dy++) {
      float sy = dy * scale;
      int y0 = (int) Math.floor(sy);
      int y1 = Math.min(y0 + 1, side - 1);
      float fy = sy - y0;
      for (int dx = 0; dx < size; dx++) {
        float sx = dx * scale;
        int x0 = (int) Math.floor(sx);
        int x1 = Math.min(x0 + 1, side - 1);
        float fx = sx - x0;
        for (int c = 0; c < 3; c++) {
          float tl = sample(rgb, w, image.height(), x0 - padX, y0 - padY, c);
          float tr = sample(rgb, w, image.height(), x1 - padX, y0 - padY, c);
          float bl = sample(rgb, w, image.height(), x0 - padX, y1 - padY, c);
          float br = sample(rgb, w, image.height(), x1 - padX, y1 - padY, c);
          float top = tl + (tr - tl) * fx;
          float bottom = bl + (br - bl) * fx;
          float v = top + (bottom - top) * fy;
          out[offset + c * plane + dy * size + dx] = (v - mean[c]) * factor;
        }
      }
    }
  }

  private static float sample(byte[] rgb, int w, int h, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      return 0f;
    }
    return rgb[(y * w + x) * 3 + c] & 0xff;
  }

  /** Writes an image of exactly the network's size, unscaled, as three planes of raw values. */
  public static void planar(RgbImage image, float[] out, int offset) {
    int plane = image.width() * image.height();
    byte[] rgb = image.rgb();
    for (int i = 0; i < plane; i++) {
      out[offset + i] = rgb[i * 3] & 0xff;
      out[offset + plane + i] = rgb[i * 3 + 1] & 0xff;
      out[offset + 2 * plane + i] = rgb[i * 3 + 2] & 0xff;
    }
  }
}
