package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.List;

/**
 * The input tensor of a fully convolutional detector for a batch: each image's longer side scaled
 * to {@code longest}, placed at the top left, and the tensor as wide and as tall as the batch's
 * widest and tallest scaled image, rounded up to a multiple of {@code cell} (the network's total
 * stride, so that its grid cells stay aligned with the pixels).
 *
 * @param width tensor width in pixels
 * @param height tensor height in pixels
 */
record InputShape(int width, int height) {
  static InputShape of(List<RgbImage> batch, int longest, int cell) {
    int w = cell;
    int h = cell;
    for (RgbImage image : batch) {
      w = Math.max(w, roundUp(scaled(image.width(), image, longest), cell));
      h = Math.max(h, roundUp(scaled(image.height(), image, longest), cell));
    }
    return new InputShape(w, h);
  }

  /** An image side once the longer side is scaled to {@code longest}, rounded as the reference. */
  static int scaled(int side, RgbImage image, int longest) {
    return Math.round(side * (longest / (float) Math.max(image.width(), image.height())));
  }

  private static int roundUp(int v, int cell) {
    return (v + cell - 1) / cell * cell;
  }
}
