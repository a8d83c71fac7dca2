package io.facetrail.shots;

import java.awt.image.BufferedImage;

/**
 * Signatures of Java2D pictures (generated or decoded images), area-averaged exactly as FFmpeg's
 * {@code SWS_AREA} reduces a decoded frame: each grid cell is the mean luma of the pixels it
 * covers.
 */
public final class ImageSignatures {
  private ImageSignatures() {}

  public static FrameSignature of(BufferedImage image, long timeUs) {
    int w = image.getWidth();
    int h = image.getHeight();
    int gw = FrameSignature.WIDTH;
    int gh = FrameSignature.HEIGHT;
    double[] sum = new double[gw * gh];
    int[] count = new int[gw * gh];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      int cy = (int) ((long) y * gh / h);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        double luma = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        int cell = cy * gw + (int) ((long) x * gw / w);
        sum[cell] += luma;
        count[cell]++;
      }
    }
    float[] grid = new float[gw * gh];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = count[i] == 0 ? 0 : (float) (sum[i] / count[i]);
    }
    return FrameSignature.ofLuma(grid, timeUs);
  }
}
