package io.facetrail.faces.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image's size as its header states it, read without decoding a pixel: what {@link PixelLimit}
 * checks before anything is allocated for the raster.
 *
 * @param width pixels per row
 * @param height rows
 */
public record ImageSize(int width, int height) {
  /** Pixels in the image, without int overflow. */
  public long pixels() {
    return (long) width * height;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }

  /**
   * The size stated by the header of a JPEG, PNG, BMP, GIF or TIFF image; empty when no header
   * reader recognises the bytes (the format is then one FaceTrail does not decode).
   *
   * @throws ImageDecodeException when the format is recognised but its header is broken
   */
  public static Optional<ImageSize> of(byte[] encoded) {
    // A memory-backed stream: ImageIO's default stream caches to temporary files.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // ImageIO's readers throw runtime exceptions (e.g. IndexOutOfBounds) on some broken headers.
      throw new ImageDecodeException(
          "unreadable image header ("
              + encoded.length
              + " bytes): "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }
}
