package io.facetrail.evaluation.pose;

import io.facetrail.faces.detect.FaceBox;

/**
 * The face box of 68 landmarks, the ground truth a detection is matched against: the points'
 * horizontal extent, from the chin up to the brows plus a quarter of the brow-to-chin height (the
 * forehead, which the landmarks do not reach but every detector's box includes).
 */
public final class FaceExtent {
  static final double FOREHEAD = 0.25;

  private FaceExtent() {}

  public static FaceBox of(float[] points) {
    float minX = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (int i = 0; i < 68; i++) {
      minX = Math.min(minX, points[2 * i]);
      maxX = Math.max(maxX, points[2 * i]);
      maxY = Math.max(maxY, points[2 * i + 1]);
    }
    float brows = Float.MAX_VALUE;
    for (int i = 17; i <= 26; i++) {
      brows = Math.min(brows, points[2 * i + 1]);
    }
    float top = (float) (brows - FOREHEAD * (maxY - brows));
    return new FaceBox(minX, top, maxX - minX, maxY - top);
  }
}
