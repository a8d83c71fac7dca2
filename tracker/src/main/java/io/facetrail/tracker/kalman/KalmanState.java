package io.facetrail.tracker.kalman;

import io.facetrail.tracker.box.BoundingBox;
import java.util.Arrays;

/**
 * The filter's belief about one box: mean {@code [cx, cy, w, h, vcx, vcy, vw, vh]} (pixels and
 * pixels per second), its 8x8 covariance (row-major), and the media time it refers to.
 */
public final class KalmanState {
  /** Length of the state vector. */
  public static final int DIM = 8;

  final double[] mean;
  final double[] covariance;
  long timeUs;

  /** Restores a state, e.g. from the state store; the arrays are copied. */
  public KalmanState(double[] mean, double[] covariance, long timeUs) {
    if (mean.length != DIM || covariance.length != DIM * DIM) {
      throw new IllegalArgumentException(
          "state needs 8 means and 64 covariances, got " + mean.length + ", " + covariance.length);
    }
    this.mean = mean.clone();
    this.covariance = covariance.clone();
    this.timeUs = timeUs;
  }

  /** A copy of the mean. */
  public double[] mean() {
    return mean.clone();
  }

  /** A copy of the covariance, row-major. */
  public double[] covariance() {
    return covariance.clone();
  }

  /** Media time of the estimate, microseconds. */
  public long timeUs() {
    return timeUs;
  }

  /** The estimated box; sizes are kept at one pixel or more. */
  public BoundingBox box() {
    return BoundingBox.ofCentre(mean[0], mean[1], Math.max(mean[2], 1), Math.max(mean[3], 1));
  }

  /** Estimated box height, at least one pixel: the scale of every noise term. */
  double height() {
    return Math.max(mean[3], 1);
  }

  @Override
  public String toString() {
    return "KalmanState[t=" + timeUs + "us, mean=" + Arrays.toString(mean) + "]";
  }
}
