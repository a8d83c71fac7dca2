package io.facetrail.shots;

/**
 * A frame reduced to what shot detection compares: a 64x36 grid of luma (area averages of the
 * frame, whatever its aspect ratio), a 32x18 grid for the coarse motion search, and the luma
 * spread. About 12 KB of floats; computed once per decoded frame.
 */
public final class FrameSignature {
  /** Grid width: fine enough to see a face-sized change at 1080p, coarse enough to be cheap. */
  public static final int WIDTH = 64;

  public static final int HEIGHT = 36;

  private final float[] fine;
  private final float[] coarse;
  private final double mean;
  private final double std;
  private final long timeUs;

  private FrameSignature(float[] fine, long timeUs) {
    this.fine = fine;
    this.coarse = halve(fine, WIDTH, HEIGHT);
    this.timeUs = timeUs;
    double sum = 0;
    double sq = 0;
    for (float v : fine) {
      sum += v;
      sq += (double) v * v;
    }
    this.mean = sum / fine.length;
    this.std = Math.sqrt(Math.max(0, sq / fine.length - mean * mean));
  }

  /**
   * The signature of a packed RGB24 picture of exactly {@link #WIDTH} x {@link #HEIGHT} pixels (the
   * caller downscales with area averaging: FFmpeg's {@code SWS_AREA}, or Java2D).
   *
   * @param rgb {@code WIDTH * HEIGHT * 3} bytes, row by row
   * @param timeUs the frame's media time
   */
  public static FrameSignature ofRgb(byte[] rgb, long timeUs) {
    if (rgb.length != WIDTH * HEIGHT * 3) {
      throw new IllegalArgumentException(
          "expected " + WIDTH * HEIGHT * 3 + " bytes of RGB24, got " + rgb.length);
    }
    float[] luma = new float[WIDTH * HEIGHT];
    for (int i = 0, p = 0; i < luma.length; i++, p += 3) {
      // BT.601 luma: the weights every broadcast signal and JPEG use.
      luma[i] =
          0.299f * (rgb[p] & 0xff) + 0.587f * (rgb[p + 1] & 0xff) + 0.114f * (rgb[p + 2] & 0xff);
    }
    return new FrameSignature(luma, timeUs);
  }

  /** A signature straight from a luma grid of {@link #WIDTH} x {@link #HEIGHT} values 0..255. */
  public static FrameSignature ofLuma(float[] luma, long timeUs) {
    if (luma.length != WIDTH * HEIGHT) {
      throw new IllegalArgumentException(
          "expected " + WIDTH * HEIGHT + " luma values, got " + luma.length);
    }
    return new FrameSignature(luma.clone(), timeUs);
  }

  float[] fine() {
    return fine;
  }

  float[] coarse() {
    return coarse;
  }

  /** Mean luma, 0..255. */
  public double mean() {
    return mean;
  }

  /** Standard deviation of luma over the grid, 0..~128: near 0 for a black or uniform frame. */
  public double std() {
    return std;
  }

  public long timeUs() {
    return timeUs;
  }

  private static float[] halve(float[] grid, int w, int h) {
    int hw = w / 2;
    int hh = h / 2;
    float[] out = new float[hw * hh];
    for (int y = 0; y < hh; y++) {
      for (int x = 0; x < hw; x++) {
        int i = 2 * y * w + 2 * x;
        out[y * hw + x] = (grid[i] + grid[i + 1] + grid[i + w] + grid[i + w + 1]) / 4;
      }
    }
    return out;
  }
}
