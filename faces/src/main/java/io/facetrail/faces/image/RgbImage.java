package io.facetrail.faces.image;

import java.util.Objects;

/**
 * A decoded image: width x height pixels, 3 bytes (R, G, B) per pixel, rows top to bottom. The
 * array is owned by the image; callers must not modify it after construction.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param rgb {@code width * height * 3} bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    Objects.requireNonNull(rgb, "rgb");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (rgb.length != 3L * width * height) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "x"
              + height
              + " RGB image needs "
              + 3L * width * height
              + " bytes, got "
              + rgb.length);
    }
  }

  /**
   * The bytes of a {@code width} x {@code height} RGB raster, computed without int overflow.
   *
   * @throws ImageTooLargeException when they do not fit in one Java array
   */
  public static int byteCount(int width, int height) {
    long bytes = 3L * width * height;
    if (width < 0 || height < 0 || bytes > Integer.MAX_VALUE - 8) {
      throw new ImageTooLargeException(
          "a " + width + "x" + height + " RGB raster needs " + bytes + " bytes, more than fit");
    }
    return (int) bytes;
  }

  /** The channel value (0..255) at (x, y); c is 0 for red, 1 green, 2 blue. */
  public int at(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }

  /** A copy of the rectangle [x0, x0 + w) x [y0, y0 + h), which must lie inside the image. */
  public RgbImage crop(int x0, int y0, int w, int h) {
    if (x0 < 0 || y0 < 0 || w < 1 || h < 1 || x0 + w > width || y0 + h > height) {
      throw new IllegalArgumentException(
          "crop " + x0 + "," + y0 + " " + w + "x" + h + " outside " + width + "x" + height);
    }
    byte[] out = new byte[byteCount(w, h)];
    for (int y = 0; y < h; y++) {
      System.arraycopy(rgb, ((y0 + y) * width + x0) * 3, out, y * w * 3, w * 3);
    }
    return new RgbImage(w, h, out);
  }

  /** The image mirrored left to right. */
  public RgbImage mirrored() {
    byte[] out = new byte[rgb.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int s = (y * width + x) * 3;
        int d = (y * width + (width - 1 - x)) * 3;
        out[d] = rgb[s];
        out[d + 1] = rgb[s + 1];
        out[d + 2] = rgb[s + 2];
      }
    }
    return new RgbImage(width, height, out);
  }

  @Override
  public String toString() {
    // Never print pixel data: images are face data.
    return "RgbImage[" + width + "x" + height + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RgbImage r
        && r.width == width
        && r.height == height
        && java.util.Arrays.equals(r.rgb, rgb);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + java.util.Arrays.hashCode(rgb);
  }
}
