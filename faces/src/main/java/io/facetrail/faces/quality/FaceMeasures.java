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
 * What the quality gate ({@link QualityGate}) looks at in one face, measured where the face is
 * analysed.
 *
 * @param heightPx face height in the image's pixels from the 68 landmarks: chin to brows plus a
 *     quarter of that for the forehead (the ground-truth box of {@code facetrail eval detection})
 * @param sharpness variance of the Laplacian of the aligned grey chip over the chip's own grey
 *     variance: contrast-normalised, so a dimmed face does not read as a blurred one
 * @param brightness mean grey level of the aligned chip, 0..255
 * @param yawDegrees absolute yaw in degrees from the landmarks ({@link #yawDegrees(float[])})
 */
public record FaceMeasures(
    double heightPx, double sharpness, double brightness, double yawDegrees) {
  /** Half the outer eye-corner distance over the nose tip's depth in front of them. */
  static final double EYE_TO_NOSE_DEPTH = 225.0 / 135.0;

  static final double FOREHEAD = 0.25;

  /**
   * Measures a face.
   *
   * @param landmarks the 68 points in the original image's pixels
   * @param chip the aligned chip
   */
  public static FaceMeasures of(float[] landmarks, RgbImage chip) {
    double[] grey = greyStatistics(chip);
    return new FaceMeasures(heightPx(landmarks), grey[2], grey[0], Math.abs(yawDegrees(landmarks)));
  }

  /** Face height in the landmarks' pixels: brows to chin, plus the forehead above the brows. */
  public static double heightPx(float[] points) {
    requirePoints(points);
    double chin = -Double.MAX_VALUE;
    for (int i = 0; i < 68; i++) {
      chin = Math.max(chin, points[2 * i + 1]);
    }
    double brows = Double.MAX_VALUE;
    for (int i = 17; i <= 26; i++) {
      brows = Math.min(brows, points[2 * i + 1]);
    }
    return Math.max(0, (1 + FOREHEAD) * (chin - brows));
  }

  /**
   * Yaw in degrees, signed (positive: the nose is right of the eyes' midpoint in the image), under
   * weak perspective for a generic head: the outer eye corners (36, 45) at ±225 units across and
   * 135 units behind the nose tip (30). Turning by θ moves the nose tip off the corners' midpoint
   * by {@code 135 sin θ} while their half-distance shrinks to {@code 225 cos θ}, so {@code tan θ =
   * (offset / half-distance) · 225 / 135}. Measured along the eye line, so roll does not read as
   * yaw.
   */
  public static double yawDegrees(float[] points) {
    requirePoints(points);
    double lx = points[2 * 36];
    double ly = points[2 * 36 + 1];
    double ux = points[2 * 45] - lx;
    double uy = points[2 * 45 + 1] - ly;
    double eyeDistance = Math.hypot(ux, uy);
    if (eyeDistance < 1e-6) {
      return 90.0; // the eye corners coincide: seen from the side
    }
    ux /= eyeDistance;
    uy /= eyeDistance;
    double mx = lx + ux * eyeDistance / 2;
    double my = ly + uy * eyeDistance / 2;
    double offset = (points[2 * 30] - mx) * ux + (points[2 * 30 + 1] - my) * uy;
    return Math.toDegrees(Math.atan2(offset * EYE_TO_NOSE_DEPTH, eyeDistance / 2));
  }

  private static void requirePoints(float[] points) {
    if (points.length != 136) {
      throw new IllegalArgumentException("need 68 points (136 floats), got " + points.length);
    }
  }

  /** Mean grey, grey variance and normalised Laplacian variance of a chip. */
  static double[] greyStatistics(RgbImage chip) {
    try (BytePointer p = new BytePointer(chip.rgb());
        Mat rgb = new Mat(chip.height(), chip.width(), CV_8UC3, p);
        Mat grey = new Mat();
        Mat lap = new Mat();
        Mat mean = new Mat();
        Mat std = new Mat();
        Mat lapMean = new Mat();
        Mat lapStd = new Mat()) {
      cvtColor(rgb, grey, COLOR_RGB2GRAY);
      meanStdDev(grey, mean, std);
      Laplacian(grey, lap, CV_64F);
      meanStdDev(lap, lapMean, lapStd);
      try (DoubleIndexer m = mean.createIndexer();
          DoubleIndexer s = std.createIndexer();
          DoubleIndexer ls = lapStd.createIndexer()) {
        double variance = s.get(0) * s.get(0);
        double lapVariance = ls.get(0) * ls.get(0);
        // A flat chip (variance 0) has no detail at all: sharpness 0, not a division by zero.
        return new double[] {m.get(0), variance, variance < 1e-9 ? 0 : lapVariance / variance};
      }
    }
  }
}
