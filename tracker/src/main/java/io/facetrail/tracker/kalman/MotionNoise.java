package io.facetrail.tracker.kalman;

/**
 * Noise levels of the box filter, all relative to the box height so that one setting suits near and
 * far faces.
 *
 * @param accelerationStd standard deviation of the centre's acceleration, box heights per s²
 *     (white-noise acceleration model)
 * @param sizeAccelerationStd the same for width and height changes, heights per s²
 * @param measurementStd detector jitter of centre and size, in box heights
 * @param initialVelocityStd uncertainty of a new track's velocity, heights per second
 */
public record MotionNoise(
    double accelerationStd,
    double sizeAccelerationStd,
    double measurementStd,
    double initialVelocityStd) {

  public MotionNoise {
    requirePositive(accelerationStd, "accelerationStd");
    requirePositive(sizeAccelerationStd, "sizeAccelerationStd");
    requirePositive(measurementStd, "measurementStd");
    requirePositive(initialVelocityStd, "initialVelocityStd");
  }

  /**
   * Defaults for people moving in front of a camera: walking people speed up, stop and turn at
   * about 2 heights/s² (a face of 100 px reaching 200 px/s within a second), faces grow or shrink
   * more slowly, and detectors place boxes within about 5% of their height.
   */
  public static MotionNoise defaults() {
    return new MotionNoise(2.0, 0.5, 0.05, 2.0);
  }

  private static void requirePositive(double v, String name) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
  }
}
