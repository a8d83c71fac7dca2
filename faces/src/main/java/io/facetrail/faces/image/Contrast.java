package io.facetrail.faces.image;

/**
 * A global contrast stretch for washed-out or murky photos: the luminance range between the 1st and
 * 99th percentiles is spread over 0..255, every channel by the same mapping, so hues stay and pixel
 * positions do not move.
 */
public final class Contrast {
  /** A photo whose central luminance range is at least this wide is left as it is. */
  static final int WELL_EXPOSED_RANGE = 200;

  private Contrast() {}

  /** The stretched image, or the image itself when its contrast is already full. */
  public static RgbImage stretched(RgbImage image) {
    byte[] rgb = image.rgb();
    int pixels = image.width() * image.height();
    int[] histogram = new int[256];
    for (int i = 0; i < rgb.length; i += 3) {
      int y =
          (299 * (rgb[i] & 0xff) + 587 * (rgb[i + 1] & 0xff) + 114 * (rgb[i + 2] & 0xff)) / 1000;
      histogram[y]++;
    }
    int lo = percentile(histogram, pixels / 100);
    int hi = percentile(histogram, pixels - pixels / 100 - 1);
    if (hi - lo >= WELL_EXPOSED_RANGE || hi <= lo) {
      return image;
    }
    byte[] map = new byte[256];
    for (int v = 0; v < 256; v++) {
      map[v] = (byte) Math.max(0, Math.min(255, Math.round((v - lo) * 255f / (hi - lo))));
    }
    byte[] out = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = map[rgb[i] & 0xff];
    }
    return new RgbImage(image.width(), image.height(), out);
  }

  /** The smallest value with more than {@code rank} values at or below it. */
  private static int percentile(int[] histogram, int rank) {
    int seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > rank) {
        return v;
      }
    }
    return 255;
  }
}
