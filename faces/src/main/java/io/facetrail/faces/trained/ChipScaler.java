package io.facetrail.faces.trained;

import io.facetrail.faces.image.RgbImage;

/**
 * Downscales an aligned chip to a smaller square by area averaging: each output pixel is the mean
 * of the source area it covers (fractional pixels weighted by their coverage). Bilinear sampling at
 * a ratio of 1.44 would skip source pixels and alias; a low-resolution model should see what a
 * camera at that resolution sees.
 */
public final class ChipScaler {
  private ChipScaler() {}

  /** {@code image} scaled to {@code size x size}; returned as is when it already has that size. */
  public static RgbImage toSquare(RgbImage image, int size) {
    if (image.width() == size && image.height() == size) {
      return image;
    }
    if (size < 1 || size > image.width() || size > image.height()) {
      throw new IllegalArgumentException(
          "can only downscale: " + image.width() + "x" + image.height() + " to " + size);
    }
    double[][] wx = weights(image.width(), size);
    double[][] wy = weights(image.height(), size);
    int w = image.width();
    // Horizontal pass into a size x height buffer, then the vertical pass.
    double[] rows = new double[size * image.height() * 3];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < size; x++) {
        int first = (int) wx[x][0];
        for (int c = 0; c < 3; c++) {
          double sum = 0;
          for (int k = 1; k < wx[x].length; k++) {
            sum += wx[x][k] * image.at(first + k - 1, y, c);
          }
          rows[(y * size + x) * 3 + c] = sum;
        }
      }
    }
    byte[] out = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      int first = (int) wy[y][0];
      for (int x = 0; x < size; x++) {
        for (int c = 0; c < 3; c++) {
          double sum = 0;
          for (int k = 1; k < wy[y].length; k++) {
            sum += wy[y][k] * rows[((first + k - 1) * size + x) * 3 + c];
          }
          out[(y * size + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
        }
      }
    }
    return new RgbImage(size, size, out);
  }

  /**
   * For each output index: element 0 is the first source index it covers, the others the weights of
   * the source pixels from there on (summing to 1).
   */
  static double[][] weights(int in, int out) {
    double ratio = in / (double) out;
    double[][] all = new double[out][];
    for (int o = 0; o < out; o++) {
      double start = o * ratio;
      double end = Math.min(in, (o + 1) * ratio);
      int first = (int) Math.floor(start);
      int last = Math.min(in - 1, (int) Math.ceil(end) - 1);
      double[] w = new double[last - first + 2];
      w[0] = first;
      for (int s = first; s <= last; s++) {
        double cover = Math.min(end, s + 1) - Math.max(start, s);
        w[s - first + 1] = cover / ratio;
      }
      all[o] = w;
    }
    return all;
  }
}
