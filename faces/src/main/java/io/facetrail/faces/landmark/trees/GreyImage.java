package io.facetrail.faces.landmark.trees;

import io.facetrail.faces.image.RgbImage;

/**
 * Grey levels as dlib computes them from RGB for its shape predictor: the integer mean {@code (r +
 * g + b) / 3}, rounded down.
 *
 * @param width pixels per row
 * @param height rows
 * @param levels {@code width * height} grey levels 0..255, row by row
 */
public record GreyImage(int width, int height, byte[] levels) {
  /** The grey levels of an RGB image. */
  public static GreyImage of(RgbImage image) {
    byte[] rgb = image.rgb();
    byte[] grey = new byte[image.width() * image.height()];
    for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
      grey[i] = (byte) (((rgb[j] & 0xff) + (rgb[j + 1] & 0xff) + (rgb[j + 2] & 0xff)) / 3);
    }
    return new GreyImage(image.width(), image.height(), grey);
  }

  /** The grey level at (x, y), or 0 outside the image (as dlib samples feature pixels). */
  int at(long x, long y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return levels[(int) y * width + (int) x] & 0xff;
  }

  @Override
  public String toString() {
    // Never print pixel data: images are face data.
    return "GreyImage[" + width + "x" + height + "]";
  }
}
