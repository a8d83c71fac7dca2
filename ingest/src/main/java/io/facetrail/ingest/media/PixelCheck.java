package io.facetrail.ingest.media;

import io.facetrail.ingest.media.SourceFailure.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixel limit of images, checked from the file's header before FFmpeg opens it: FFmpeg probes
 * an image by decoding it, so a 20000x20000 PNG of a few hundred KB would cost 1.2 GB before any
 * check of the decoded frame could refuse it.
 */
public final class PixelCheck {
  private PixelCheck() {}

  /**
   * Refuses an image file whose header states more than {@code maxPixels} pixels. Files whose
   * header ImageIO cannot read (WebP, netpbm, broken headers) pass here: FFmpeg's decoder, opened
   * with the same limit, refuses their large frames.
   *
   * @throws SourceFailure of kind {@link Kind#TOO_LARGE} naming the size and the limit
   */
  public static void checkImage(Path image, long maxPixels) throws SourceFailure {
    int width;
    int height;
    try (ImageInputStream in = new FileImageInputStream(image.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // Not decided here: FFmpeg reads the file next and classifies what is wrong with it.
      return;
    }
    if ((long) width * height > maxPixels) {
      throw new SourceFailure(
          Kind.TOO_LARGE, tooLarge("the image", width + "x" + height, maxPixels));
    }
  }

  /** The message for a frame of {@code size} ("WxH") over the limit. */
  static String tooLarge(String what, String size, long maxPixels) {
    return String.format(
        Locale.ROOT,
        "%s is %s pixels, over the limit of %d pixels (%.1f megapixels, decode.maxImagePixels)",
        what,
        size,
        maxPixels,
        maxPixels / 1e6);
  }
}
