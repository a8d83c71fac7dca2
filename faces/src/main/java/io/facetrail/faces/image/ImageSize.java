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

  /** The smallest size that covers both this size and {@code other}. */
  ImageSize cover(ImageSize other) {
    return new ImageSize(Math.max(width, other.width), Math.max(height, other.height));
  }

  /**
   * A GIF's logical screen, the canvas its frames are drawn on (bytes 6 to 9, little-endian).
   * ImageIO reports the first frame's size, but OpenCV decodes the whole screen: found by
   * ImagesDecodeFuzzTest, a 159-byte GIF of a 6x5 frame on a 6x517 screen decoded to 6x517, so a
   * few bytes could make the decoder allocate up to 65535x65535 pixels past the limit.
   */
  private static ImageSize gifScreen(byte[] gif) {
    if (gif.length < 10) {
      return new ImageSize(0, 0);
    }
    return new ImageSize(
        (gif[6] & 0xff) | (gif[7] & 0xff) << 8, (gif[8] & 0xff) | (gif[9] & 0xff) << 8);
  }

  /**
   * The size stated by the header of a JPEG, PNG, BMP, GIF or TIFF image (for a GIF, the logical
   * screen when it is larger than the first frame); empty when no header reader recognises the
   * bytes (the format is then one FaceTrail does not decode).
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
        ImageSize first = new ImageSize(reader.getWidth(0), reader.getHeight(0));
        if ("gif".equalsIgnoreCase(reader.getFormatName())) {
          return Optional.of(first.cover(gifScreen(encoded)));
        }
        if (TiffHeader.isTiff(encoded)) {
          // What libtiff may allocate: the largest size any directory states (see TiffHeader).
          return Optional.of(TiffHeader.largest(encoded).map(first::cover).orElse(first));
        }
        return Optional.of(first);
      } finally {
        reader.dispose();
      }
    } catch (ImageDecodeException e) {
      throw e;
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
