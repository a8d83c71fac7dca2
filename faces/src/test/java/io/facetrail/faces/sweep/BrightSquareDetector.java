package io.facetrail.faces.sweep;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.FaceDetector;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.image.RgbImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake detector that takes every bright blob of an input for a face, and, like a real network,
 * misses those that its input scaling (the longer side to {@link #inputSize()}) shrinks below
 * {@link ScanSettings#MIN_NETWORK_FACE}. Records the size of every input it is given.
 */
final class BrightSquareDetector implements FaceDetector {
  private final int inputSize;
  final List<int[]> inputs = new ArrayList<>();

  BrightSquareDetector(int inputSize) {
    this.inputSize = inputSize;
  }

  @Override
  public List<List<Detection>> detect(List<RgbImage> images, float minScore) {
    List<List<Detection>> out = new ArrayList<>();
    for (RgbImage image : images) {
      inputs.add(new int[] {image.width(), image.height()});
      float scale = inputSize / (float) Math.max(image.width(), image.height());
      List<Detection> found = new ArrayList<>();
      for (FaceBox b : blobs(image)) {
        if (Math.max(b.width(), b.height()) * scale >= ScanSettings.MIN_NETWORK_FACE) {
          found.add(new Detection(b, 0.9f));
        }
      }
      out.add(found);
    }
    return out;
  }

  /** Bounding boxes of 4-connected bright pixels. */
  private static List<FaceBox> blobs(RgbImage image) {
    int w = image.width();
    int h = image.height();
    byte[] rgb = image.rgb();
    boolean[] seen = new boolean[w * h];
    List<FaceBox> out = new ArrayList<>();
    for (int p = 0; p < w * h; p++) {
      if (seen[p] || (rgb[3 * p] & 0xff) < 200) {
        continue;
      }
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      ArrayDeque<Integer> todo = new ArrayDeque<>();
      todo.add(p);
      seen[p] = true;
      while (!todo.isEmpty()) {
        int q = todo.poll();
        int x = q % w;
        int y = q / w;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
        int[] next = {x > 0 ? q - 1 : -1, x < w - 1 ? q + 1 : -1, y > 0 ? q - w : -1, q + w};
        for (int r : next) {
          if (r >= 0 && r < w * h && !seen[r] && (rgb[3 * r] & 0xff) >= 200) {
            seen[r] = true;
            todo.add(r);
          }
        }
      }
      out.add(new FaceBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
    }
    return out;
  }

  @Override
  public long macsPerImage() {
    return 1;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public void close() {}

  /** A black frame with white squares at the given boxes (x, y, side). */
  static RgbImage frame(int width, int height, int[]... squares) {
    byte[] rgb = new byte[RgbImage.byteCount(width, height)];
    for (int[] s : squares) {
      for (int y = s[1]; y < s[1] + s[2]; y++) {
        for (int x = s[0]; x < s[0] + s[2]; x++) {
          int i = 3 * (y * width + x);
          rgb[i] = (byte) 255;
          rgb[i + 1] = (byte) 255;
          rgb[i + 2] = (byte) 255;
        }
      }
    }
    return new RgbImage(width, height, rgb);
  }
}
