package io.facetrail.faces.image;

import java.util.Locale;

/**
 * The largest image FaceTrail decodes, in pixels, checked against the header before the raster is
 * allocated. Without it one hostile or careless file (a 20000x20000 PNG compresses to a few hundred
 * KB) made the decoder allocate 1.2 GB and the detector's padded canvas overflow.
 *
 * @param maxPixels width x height at most this
 */
public record PixelLimit(long maxPixels) {
  /**
   * 40 megapixels: above any camera's photo (a 36 MP full-frame, a 4K or 8K video frame is 8.3 or
   * 33.2 MP), and 120 MB as RGB.
   */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  /**
   * The most a limit may be set to: the RGB raster is one Java array (at most {@code
   * Integer.MAX_VALUE} bytes), and the detector pads photos by 0.75 of their longer side on every
   * side (6.25 times the pixels of a square photo) before scaling them down.
   */
  public static final long CEILING = Integer.MAX_VALUE / 3 / 8;

  public PixelLimit {
    if (maxPixels < 1 || maxPixels > CEILING) {
      throw new IllegalArgumentException(
          "pixel limit is " + maxPixels + ", must be in 1.." + CEILING);
    }
  }

  /** The default limit, {@link #DEFAULT_MAX_PIXELS}. */
  public static PixelLimit defaults() {
    return new PixelLimit(DEFAULT_MAX_PIXELS);
  }

  /**
   * Checks the size an image's header states.
   *
   * @throws ImageTooLargeException naming the size and the limit when it is over
   */
  public void check(ImageSize size) {
    if (size.width() < 1 || size.height() < 1) {
      throw new ImageDecodeException("image header states an empty size, " + size);
    }
    if (size.pixels() > maxPixels) {
      throw new ImageTooLargeException(
          String.format(
              Locale.ROOT,
              "image is %s pixels (%.1f megapixels), over the limit of %d pixels (%.1f"
                  + " megapixels, faces.maxImagePixels)",
              size,
              size.pixels() / 1e6,
              maxPixels,
              maxPixels / 1e6));
    }
  }
}
