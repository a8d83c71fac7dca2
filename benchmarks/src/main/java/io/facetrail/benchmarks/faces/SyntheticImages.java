package io.facetrail.benchmarks.faces;

import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic noise images for speed measurements: the networks' cost does not depend on pixel
 * values, and the benchmarks must run without any face data.
 */
final class SyntheticImages {
  private SyntheticImages() {}

  static RgbImage noise(int width, int height, long seed) {
    byte[] px = new byte[width * height * 3];
    new SplittableRandom(seed).nextBytes(px);
    return new RgbImage(width, height, px);
  }

  /** {@code n} different noise images of one size (seeds 0..n-1): one batch. */
  static List<RgbImage> batch(int n, int width, int height) {
    List<RgbImage> images = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      images.add(noise(width, height, i));
    }
    return images;
  }
}
