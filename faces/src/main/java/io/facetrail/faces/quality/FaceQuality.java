package io.facetrail.faces.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.facetrail.faces.image.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Scores a face's usefulness for recognition as the geometric mean of three parts, each 0..1:
 *
 * <ul>
 *   <li>size: distance between the eye centres in the original image, saturating at {@value
 *       #FULL_SIZE_EYE_DISTANCE} px (the recognition chip's own eye distance is about 40 px, so
 *       larger faces add no detail);
 *   <li>sharpness: variance of the Laplacian of the aligned grey chip, {@code 1 - exp(-v / }
 *       {@value #SHARPNESS_SCALE}{@code )};
 *   <li>pose: how far the nose tip sits from the eyes' midpoint across the face, relative to the
 *       eye distance (0 frontal, about 0.5 at 45 degrees of yaw), falling linearly to 0 at {@value
 *       #MAX_YAW_OFFSET}.
 * </ul>
 *
 * The geometric mean keeps one bad part from being hidden by two good ones. Thread-safe.
 */
public final class FaceQuality {
  static final double FULL_SIZE_EYE_DISTANCE = 40;
  static final double SHARPNESS_SCALE = 150;
  static final double MAX_YAW_OFFSET = 0.6;

  private FaceQuality() {}

  /**
   * @param landmarks the 68 points in the original image's pixels
   * @param chip the aligned chip
   */
  public static float score(float[] landmarks, RgbImage chip) {
    return (float) Math.cbrt(sizeScore(landmarks) * sharpness(chip) * poseScore(landmarks));
  }

  static double sizeScore(float[] lm) {
    return Math.min(1, eyeDistance(lm) / FULL_SIZE_EYE_DISTANCE);
  }

  static double poseScore(float[] lm) {
    double lx = mean(lm, 36, 41, 0);
    double ly = mean(lm, 36, 41, 1);
    double rx = mean(lm, 42, 47, 0);
    double ry = mean(lm, 42, 47, 1);
    double d = Math.hypot(rx - lx, ry - ly);
    if (d < 1e-6) {
      return 0;
    }
    // Offset of the nose tip from the eye midpoint along the eye line, in eye distances.
    double ux = (rx - lx) / d;
    double uy = (ry - ly) / d;
    double offset = ((lm[60] - (lx + rx) / 2) * ux + (lm[61] - (ly + ry) / 2) * uy) / d;
    return Math.max(0, 1 - Math.abs(offset) / MAX_YAW_OFFSET);
  }

  static double sharpness(RgbImage chip) {
    try (BytePointer p = new BytePointer(chip.rgb());
        Mat rgb = new Mat(chip.height(), chip.width(), CV_8UC3, p);
        Mat grey = new Mat();
        Mat lap = new Mat();
        Mat mean = new Mat();
        Mat std = new Mat()) {
      cvtColor(rgb, grey, COLOR_RGB2GRAY);
      Laplacian(grey, lap, CV_64F);
      meanStdDev(lap, mean, std);
      try (DoubleIndexer s = std.createIndexer()) {
        double v = s.get(0) * s.get(0);
        return 1 - Math.exp(-v / SHARPNESS_SCALE);
      }
    }
  }

  /** Distance between the eye centres, in the landmarks' pixels. */
  public static double eyeDistance(float[] lm) {
    return Math.hypot(
        mean(lm, 42, 47, 0) - mean(lm, 36, 41, 0), mean(lm, 42, 47, 1) - mean(lm, 36, 41, 1));
  }

  private static double mean(float[] lm, int first, int last, int axis) {
    double sum = 0;
    for (int i = first; i <= last; i++) {
      sum += lm[2 * i + axis];
    }
    return sum / (last - first + 1);
  }
}
