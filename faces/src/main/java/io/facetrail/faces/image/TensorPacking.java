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
    resize(image, padX, padY, side, side, size, size, mean, factor, out, offset);
  }

  /**
   * Scales {@code image} so that its longer side becomes {@code longest}, places it at the top left
   * of a zero {@code width x height} tensor (both at least the scaled image) and writes (value -
   * mean[c]) * factor as three planes. The same resize as {@link #squareResize} with the canvas cut
   * down to the tensor: a fully convolutional network then computes nothing for the padding a
   * square canvas would add to a wide frame.
   */
  public static void letterbox(
      RgbImage image,
      int longest,
      int width,
      int height,
      float[] mean,
      float factor,
      float[] out,
      int offset) {
    float scale = Math.max(image.width(), image.height()) / (float) longest;
    int canvasW = (int) Math.ceil(width * scale);
    int canvasH = (int) Math.ceil(height * scale);
    resize(image, 0, 0, canvasW, canvasH, width, height, mean, factor, out, offset);
  }

  /** Resizes a {@code canvasW x canvasH} canvas holding the image at (padX, padY) to w x h. */
  private static void resize(
      RgbImage image,
      int padX,
      int padY,
      int canvasW,
      int canvasH,
      int w,
      int h,
      float[] mean,
      float factor,
      float[] out,
      int offset) {
    float scaleX = canvasW / (float) w;
    float scaleY = canvasH / (float) h;
    int plane = w * h;
    byte[] rgb = image.rgb();
    int iw = image.width();
    int ih = image.height();
    for (int dy = 0; dy < h; dy++) {
      float sy = dy * scaleY;
      int y0 = (int) Math.floor(sy);
      int y1 = Math.min(y0 + 1, canvasH - 1);
      float fy = sy - y0;
      for (int dx = 0; dx < w; dx++) {
        float sx = dx * scaleX;
        int x0 = (int) Math.floor(sx);
        int x1 = Math.min(x0 + 1, canvasW - 1);
        float fx = sx - x0;
        for (int c = 0; c < 3; c++) {
          float tl = sample(rgb, iw, ih, x0 - padX, y0 - padY, c);
          float tr = sample(rgb, iw, ih, x1 - padX, y0 - padY, c);
          float bl = sample(rgb, iw, ih, x0 - padX, y1 - padY, c);
          float br = sample(rgb, iw, ih, x1 - padX, y1 - padY, c);
          float top = tl + (tr - tl) * fx;
          float bottom = bl + (br - bl) * fx;
          float v = top + (bottom - top) * fy;
          out[offset + c * plane + dy * w + dx] = (v - mean[c]) * factor;
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
