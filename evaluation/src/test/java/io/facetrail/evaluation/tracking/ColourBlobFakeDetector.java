package io.facetrail.evaluation.tracking;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.tracking.detect.DetectedFace;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.tracker.box.BoundingBox;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fake detector for the evaluation harness's own tests: "faces" are ellipses of pure colours, a
 * face is the bounding box of one colour's pixels when that box still has a face's proportions, and
 * each colour has its own made-up code. No model: it exercises the harness (scenes, truth, tracker,
 * scores) without LFW or DJL.
 */
final class ColourBlobFakeDetector implements FrameFaceDetector {
  private final int[] colours;
  private final float[][] identities;
  private final Random noise = new Random(5);

  ColourBlobFakeDetector(int[] colours) {
    this.colours = colours.clone();
    this.identities = new float[colours.length][];
    for (int c = 0; c < colours.length; c++) {
      Random r = new Random(colours[c]);
      float[] v = new float[FaceCode.DIMENSIONS];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) r.nextGaussian();
      }
      identities[c] = FaceCode.normalise(v);
    }
  }

  @Override
  public List<DetectedFace> detect(BufferedImage frame) {
    int n = colours.length;
    int[] minX = new int[n];
    int[] minY = new int[n];
    int[] maxX = new int[n];
    int[] maxY = new int[n];
    int[] count = new int[n];
    java.util.Arrays.fill(minX, Integer.MAX_VALUE);
    java.util.Arrays.fill(minY, Integer.MAX_VALUE);
    int w = frame.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < frame.getHeight(); y++) {
      frame.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x] & 0xffffff;
        for (int c = 0; c < n; c++) {
          if (rgb == colours[c]) {
            count[c]++;
            minX[c] = Math.min(minX[c], x);
            minY[c] = Math.min(minY[c], y);
            maxX[c] = Math.max(maxX[c], x);
            maxY[c] = Math.max(maxY[c], y);
          }
        }
      }
    }
    List<DetectedFace> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      double width = maxX[c] - minX[c] + 1.0;
      double height = maxY[c] - minY[c] + 1.0;
      // Like a real detector, see a face only when its visible part still looks like one (the
      // patches are 5:6 ellipses): not a sliver left over by an occluder or the frame edge.
      double aspect = width / height;
      if (count[c] < 200 || aspect < 0.6 || aspect > 1.1) {
        continue;
      }
      float[] v = identities[c].clone();
      for (int i = 0; i < v.length; i++) {
        v[i] += (float) (0.01 * noise.nextGaussian());
      }
      out.add(
          new DetectedFace(
              new BoundingBox(minX[c], minY[c], maxX[c] - minX[c] + 1, maxY[c] - minY[c] + 1),
              0.9f,
              0.5f,
              FaceCode.quantise(FaceCode.normalise(v))));
    }
    return out;
  }

  @Override
  public String description() {
    return "colour blobs (fake)";
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
