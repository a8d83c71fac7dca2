package io.facetrail.ingest.media;

/**
 * JPEG quantisation tables for a quality setting, computed the way libjpeg (and thus most tools)
 * scales the example tables of the JPEG standard (ITU T.81, Annex K), so that {@code quality 85}
 * means here what it means elsewhere.
 */
final class JpegQuality {
  // Annex K.1 and K.2, natural (row-major) order.
  private static final int[] LUMA = {
    16, 11, 10, 16, 24, 40, 51, 61,
    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,
    24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101,
    72, 92, 95, 98, 112, 100, 103, 99
  };
  private static final int[] CHROMA = {
    17, 18, 24, 47, 99, 99, 99, 99,
    18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99,
    47, 66, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99
  };

  private JpegQuality() {}

  /** The luminance table for {@code quality} (1..100), natural order. */
  static int[] luma(int quality) {
    return scaled(LUMA, quality);
  }

  /** The chrominance table for {@code quality} (1..100), natural order. */
  static int[] chroma(int quality) {
    return scaled(CHROMA, quality);
  }

  private static int[] scaled(int[] base, int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("JPEG quality " + quality + " is not in 1..100");
    }
    int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
    int[] out = new int[64];
    for (int i = 0; i < 64; i++) {
      out[i] = Math.min(255, Math.max(1, (base[i] * scale + 50) / 100));
    }
    return out;
  }
}
