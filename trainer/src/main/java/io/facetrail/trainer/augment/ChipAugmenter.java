package io.facetrail.trainer.augment;

import io.facetrail.faces.image.RgbImage;
import java.util.SplittableRandom;

/**
 * Random variations of an aligned chip that keep its identity: a mirror (probability 0.5), a scale
 * and shift jitter resampled bilinearly to the same size (the aligner's placement varies about that
 * much between photos), and brightness, contrast and saturation jitter.
 *
 * @param maxScale largest relative zoom in or out, e.g. 0.08 for 0.92x..1.08x
 * @param maxShift largest shift as a fraction of the side, e.g. 0.04
 * @param maxColour largest relative change of brightness, contrast and saturation, e.g. 0.2
 */
public record ChipAugmenter(double maxScale, double maxShift, double maxColour) {
  public ChipAugmenter {
    if (maxScale < 0 || maxScale >= 0.5 || maxShift < 0 || maxShift >= 0.5 || maxColour < 0) {
      throw new IllegalArgumentException(
          "augmentation out of range: scale " + maxScale + ", shift " + maxShift);
    }
  }

  /** The defaults used by {@code facetrail train triplet}. */
  public static ChipAugmenter defaults() {
    return new ChipAugmenter(0.08, 0.04, 0.2);
  }

  /** One random variation of {@code chip}. */
  public RgbImage apply(RgbImage chip, SplittableRandom random) {
    boolean flip = random.nextBoolean();
    double scale = 1 + uniform(random, maxScale);
    double dx = uniform(random, maxShift) * chip.width();
    double dy = uniform(random, maxShift) * chip.height();
    double brightness = 1 + uniform(random, maxColour);
    double contrast = 1 + uniform(random, maxColour);
    double saturation = 1 + uniform(random, maxColour);
    RgbImage moved = resample(chip, scale, dx, dy);
    RgbImage coloured = colour(moved, brightness, contrast, saturation);
    return flip ? coloured.mirrored() : coloured;
  }

  private static double uniform(SplittableRandom random, double max) {
    return max == 0 ? 0 : random.nextDouble(-max, max);
  }

  /** Zooms by {@code scale} about the centre and shifts; pixels from outside the chip are black. */
  static RgbImage resample(RgbImage in, double scale, double dx, double dy) {
    int w = in.width();
    int h = in.height();
    byte[] out = new byte[w * h * 3];
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    for (int y = 0; y < h; y++) {
      double sy = (y - cy - dy) / scale + cy;
      int y0 = (int) Math.floor(sy);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = (x - cx - dx) / scale + cx;
        int x0 = (int) Math.floor(sx);
        double fx = sx - x0;
        for (int c = 0; c < 3; c++) {
          double v =
              (1 - fy) * ((1 - fx) * at(in, x0, y0, c) + fx * at(in, x0 + 1, y0, c))
                  + fy * ((1 - fx) * at(in, x0, y0 + 1, c) + fx * at(in, x0 + 1, y0 + 1, c));
          out[(y * w + x) * 3 + c] = (byte) clamp(v);
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  private static int at(RgbImage im, int x, int y, int c) {
    return x < 0 || y < 0 || x >= im.width() || y >= im.height() ? 0 : im.at(x, y, c);
  }

  static RgbImage colour(RgbImage in, double brightness, double contrast, double saturation) {
    byte[] src = in.rgb();
    double mean = 0;
    for (byte b : src) {
      mean += b & 0xff;
    }
    mean /= src.length;
    byte[] out = new byte[src.length];
    for (int i = 0; i < src.length; i += 3) {
      double r = src[i] & 0xff;
      double g = src[i + 1] & 0xff;
      double b = src[i + 2] & 0xff;
      double grey = 0.299 * r + 0.587 * g + 0.114 * b;
      double[] px = {r, g, b};
      for (int c = 0; c < 3; c++) {
        double v = grey + (px[c] - grey) * saturation;
        v = mean + (v - mean) * contrast;
        out[i + c] = (byte) clamp(v * brightness);
      }
    }
    return new RgbImage(in.width(), in.height(), out);
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
