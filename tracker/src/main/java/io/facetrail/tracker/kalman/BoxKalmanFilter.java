package io.facetrail.tracker.kalman;

import io.facetrail.tracker.box.BoundingBox;

/**
 * Constant-velocity Kalman filter on {@code [cx, cy, w, h]} with a continuous white-noise
 * acceleration model: the process noise grows with the elapsed media time, so a track predicted
 * over a dropped frame or a slow source widens its uncertainty by exactly as much as time passed.
 *
 * <p>The measurement is the box itself ({@code H = [I 0]}), which lets every product below use 4x4
 * and 8x4 blocks instead of general matrices: the filter runs in well under a microsecond.
 */
public final class BoxKalmanFilter {
  private static final int N = KalmanState.DIM;
  private static final int M = 4;

  /** Size velocities are less certain than zero but far less than centre velocities. */
  private static final double SIZE_VELOCITY_FRACTION = 0.25;

  private final MotionNoise noise;

  public BoxKalmanFilter(MotionNoise noise) {
    this.noise = noise;
  }

  /** A new state at the measured box, with unknown velocity. */
  public KalmanState initiate(BoundingBox box, long timeUs) {
    double[] mean = {box.centreX(), box.centreY(), box.width(), box.height(), 0, 0, 0, 0};
    double h = box.height();
    double pos = sq(noise.measurementStd() * h);
    double vel = sq(noise.initialVelocityStd() * h);
    double sizeVel = sq(noise.initialVelocityStd() * SIZE_VELOCITY_FRACTION * h);
    double[] cov = new double[N * N];
    double[] diagonal = {pos, pos, pos, pos, vel, vel, sizeVel, sizeVel};
    for (int i = 0; i < N; i++) {
      cov[i * N + i] = diagonal[i];
    }
    return new KalmanState(mean, cov, timeUs);
  }

  /**
   * Moves the state forward to {@code timeUs}. Going backwards (a source whose timestamps jump
   * back) leaves the state where it is rather than un-predicting it.
   */
  public void predict(KalmanState s, long timeUs) {
    double dt = (timeUs - s.timeUs) / 1e6;
    if (dt <= 0) {
      return;
    }
    double[] p = s.covariance;
    double[] mean = s.mean;
    for (int i = 0; i < M; i++) {
      mean[i] += dt * mean[i + M];
    }
    // P' = F P F^T with F = [[I, dt I], [0, I]]: first the rows (F P), then the columns.
    for (int r = 0; r < M; r++) {
      for (int c = 0; c < N; c++) {
        p[r * N + c] += dt * p[(r + M) * N + c];
      }
    }
    for (int r = 0; r < N; r++) {
      for (int c = 0; c < M; c++) {
        p[r * N + c] += dt * p[r * N + c + M];
      }
    }
    double h = s.height();
    double dt2 = dt * dt;
    for (int i = 0; i < M; i++) {
      double sigma = i < 2 ? noise.accelerationStd() : noise.sizeAccelerationStd();
      double q = sq(sigma * h);
      p[i * N + i] += q * dt2 * dt / 3;
      p[i * N + i + M] += q * dt2 / 2;
      p[(i + M) * N + i] += q * dt2 / 2;
      p[(i + M) * N + i + M] += q * dt;
    }
    s.timeUs = timeUs;
  }

  /** Squared Mahalanobis distance of a measured box from the state's prediction. */
  public double mahalanobis(KalmanState s, BoundingBox box) {
    return project(s).mahalanobis(box);
  }

  /**
   * The state's prediction in measurement space, factorised once so that gating one track against
   * many detections costs a few multiplications per detection.
   */
  public Projection project(KalmanState s) {
    return new Projection(s, cholesky(innovationCovariance(s)));
  }

  /** A state seen as a predicted measurement with its covariance. */
  public static final class Projection {
    private final KalmanState state;
    private final double[] cholesky;

    private Projection(KalmanState state, double[] cholesky) {
      this.state = state;
      this.cholesky = cholesky;
    }

    /** Squared Mahalanobis distance of a measured box from the prediction. */
    public double mahalanobis(BoundingBox box) {
      double[] x = forwardSubstitute(cholesky, innovation(state, box));
      return x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3];
    }
  }

  /** Corrects the state with a measured box taken at the state's time. */
  public void update(KalmanState s, BoundingBox box) {
    double[] l = cholesky(innovationCovariance(s));
    double[] y = innovation(s, box);
    double[] p = s.covariance;
    // K^T = S^-1 (H P): solve S x = column j of H P for every column j.
    double[] kt = new double[M * N];
    double[] column = new double[M];
    for (int j = 0; j < N; j++) {
      for (int i = 0; i < M; i++) {
        column[i] = p[i * N + j];
      }
      double[] x = solve(l, column);
      for (int i = 0; i < M; i++) {
        kt[i * N + j] = x[i];
      }
    }
    for (int r = 0; r < N; r++) {
      double correction = 0;
      for (int i = 0; i < M; i++) {
        correction += kt[i * N + r] * y[i];
      }
      s.mean[r] += correction;
    }
    // P -= K (H P); H P is the first four rows of P, read before they change.
    double[] hp = new double[M * N];
    System.arraycopy(p, 0, hp, 0, M * N);
    for (int r = 0; r < N; r++) {
      for (int c = 0; c < N; c++) {
        double sum = 0;
        for (int i = 0; i < M; i++) {
          sum += kt[i * N + r] * hp[i * N + c];
        }
        p[r * N + c] -= sum;
      }
    }
    // Rounding makes P drift from symmetry over thousands of updates; keep it exact.
    for (int r = 0; r < N; r++) {
      for (int c = r + 1; c < N; c++) {
        double avg = (p[r * N + c] + p[c * N + r]) / 2;
        p[r * N + c] = avg;
        p[c * N + r] = avg;
      }
    }
  }

  private double[] innovationCovariance(KalmanState s) {
    double r = sq(noise.measurementStd() * s.height());
    double[] cov = new double[M * M];
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < M; j++) {
        cov[i * M + j] = s.covariance[i * N + j];
      }
      cov[i * M + i] += r;
    }
    return cov;
  }

  private static double[] innovation(KalmanState s, BoundingBox box) {
    return new double[] {
      box.centreX() - s.mean[0],
      box.centreY() - s.mean[1],
      box.width() - s.mean[2],
      box.height() - s.mean[3]
    };
  }

  /** Lower-triangular L with L L^T = a (4x4, positive definite). */
  static double[] cholesky(double[] a) {
    double[] l = new double[M * M];
    for (int i = 0; i < M; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i * M + j];
        for (int k = 0; k < j; k++) {
          sum -= l[i * M + k] * l[j * M + k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new IllegalStateException("innovation covariance is not positive definite");
          }
          l[i * M + i] = Math.sqrt(sum);
        } else {
          l[i * M + j] = sum / l[j * M + j];
        }
      }
    }
    return l;
  }

  private static double[] forwardSubstitute(double[] l, double[] b) {
    double[] x = new double[M];
    for (int i = 0; i < M; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i * M + k] * x[k];
      }
      x[i] = sum / l[i * M + i];
    }
    return x;
  }

  private static double[] solve(double[] l, double[] b) {
    double[] z = forwardSubstitute(l, b);
    double[] x = new double[M];
    for (int i = M - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < M; k++) {
        sum -= l[k * M + i] * x[k];
      }
      x[i] = sum / l[i * M + i];
    }
    return x;
  }

  private static double sq(double v) {
    return v * v;
  }
}
