package io.facetrail.faces.detect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SSD detector's anchors for any input size. The weights ship the 5,118 anchors of a 512x512
 * input (TensorFlow's SSD anchor generator: cell centres at (i + 0.5) / grid, per feature map a
 * fixed list of box sizes, nothing clipped). For a W x H input the same pixel geometry is kept:
 * centres every 512 / grid pixels from the top left, the same sizes in pixels, expressed as
 * fractions of W and H. A letterboxed wide frame then gets the anchors of the square input's rows
 * that hold the image, without computing the padding rows.
 */
final class SsdAnchors {
  /** Feature map sides of the 512x512 input, one per prediction layer. */
  static final int[] SQUARE_GRIDS = {32, 16, 8, 4, 2, 1};

  private static final int SIDE = SsdMobileNetV1.INPUT_SIZE;

  private final float[] square;

  /** Per layer, per anchor of a cell: {height, width} as fractions of the 512 input. */
  private final float[][][] sizes;

  private final Map<Long, float[]> byInput = new ConcurrentHashMap<>();

  /**
   * @param square the shipped anchors, (ymin, xmin, ymax, xmax) per anchor, ordered by layer, row,
   *     column, anchor
   */
  SsdAnchors(float[] square) {
    int total = 0;
    int[] perCell = new int[SQUARE_GRIDS.length];
    // Layer 0 has 3 anchors per cell and the others 6: 5,118 in all for 512x512.
    for (int l = 0; l < SQUARE_GRIDS.length; l++) {
      perCell[l] = l == 0 ? 3 : 6;
      total += SQUARE_GRIDS[l] * SQUARE_GRIDS[l] * perCell[l];
    }
    if (square.length != total * 4) {
      throw new IllegalArgumentException(
          "expected " + total + " anchors, got " + square.length / 4);
    }
    this.square = square.clone();
    this.sizes = new float[SQUARE_GRIDS.length][][];
    int index = 0;
    for (int l = 0; l < SQUARE_GRIDS.length; l++) {
      sizes[l] = new float[perCell[l]][2];
      for (int k = 0; k < perCell[l]; k++) {
        int a = (index + k) * 4;
        sizes[l][k][0] = square[a + 2] - square[a];
        sizes[l][k][1] = square[a + 3] - square[a + 1];
      }
      index += SQUARE_GRIDS[l] * SQUARE_GRIDS[l] * perCell[l];
    }
  }

  /**
   * Anchors for an input of {@code height x width} pixels whose prediction layers have the given
   * feature map sides.
   */
  float[] forInput(int height, int width, int[] rows, int[] cols) {
    if (height == SIDE && width == SIDE) {
      return square;
    }
    return byInput.computeIfAbsent(
        ((long) height << 32) | width, key -> generate(height, width, rows, cols));
  }

  /** Package-private for the test that regenerates the shipped square anchors. */
  float[] generate(int height, int width, int[] rows, int[] cols) {
    int total = 0;
    for (int l = 0; l < SQUARE_GRIDS.length; l++) {
      total += rows[l] * cols[l] * sizes[l].length;
    }
    float[] out = new float[total * 4];
    int i = 0;
    for (int l = 0; l < SQUARE_GRIDS.length; l++) {
      float step = SIDE / (float) SQUARE_GRIDS[l];
      for (int r = 0; r < rows[l]; r++) {
        float cy = (r + 0.5f) * step / height;
        for (int c = 0; c < cols[l]; c++) {
          float cx = (c + 0.5f) * step / width;
          for (float[] size : sizes[l]) {
            float h = size[0] * SIDE / height;
            float w = size[1] * SIDE / width;
            out[i++] = cy - h / 2;
            out[i++] = cx - w / 2;
            out[i++] = cy + h / 2;
            out[i++] = cx + w / 2;
          }
        }
      }
    }
    return out;
  }
}
