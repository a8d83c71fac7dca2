package io.facetrail.evaluation.pose;

/**
 * Yaw of a head from its 68 landmarks (iBUG order) under weak perspective: the outer eye corners
 * (36, 45) and the nose tip (30) of a generic head (the usual head-pose model: eye corners at ±225
 * units across and 135 units behind the nose tip). Turning the head by θ moves the nose tip off the
 * eye corners' midpoint by {@code 135 sin θ} while the corners' half-distance shrinks to {@code 225
 * cos θ}, so {@code tan θ = (offset / half-distance) · 225 / 135}. Measured along the line through
 * the eye corners, so head roll does not read as yaw.
 */
public final class HeadPose {
  /** Half the outer eye-corner distance over the nose tip's depth in front of them. */
  static final double EYE_TO_NOSE_DEPTH = 225.0 / 135.0;

  private HeadPose() {}

  /**
   * Yaw in degrees, signed (positive: the nose is right of the eyes' midpoint in the image).
   *
   * @param points 136 floats: x0, y0, x1, y1, ... of the 68 points
   */
  public static double yawDegrees(float[] points) {
    if (points.length != 136) {
      throw new IllegalArgumentException("need 68 points (136 floats), got " + points.length);
    }
    double lx = points[2 * 36];
    double ly = points[2 * 36 + 1];
    double rx = points[2 * 45];
    double ry = points[2 * 45 + 1];
    double ux = rx - lx;
    double uy = ry - ly;
    double eyeDistance = Math.hypot(ux, uy);
    if (eyeDistance < 1e-6) {
      return 90.0; // the eye corners coincide: seen from the side
    }
    ux /= eyeDistance;
    uy /= eyeDistance;
    double mx = (lx + rx) / 2;
    double my = (ly + ry) / 2;
    double offset = (points[2 * 30] - mx) * ux + (points[2 * 30 + 1] - my) * uy;
    double half = eyeDistance / 2;
    return Math.toDegrees(Math.atan2(offset * EYE_TO_NOSE_DEPTH, half));
  }
}
