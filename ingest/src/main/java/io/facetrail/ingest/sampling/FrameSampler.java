package io.facetrail.ingest.sampling;

/**
 * Applies a {@link SamplingPolicy} to one stream's frames, in presentation order. For a target
 * rate, selection times lie on a fixed grid (first frame, then every {@code 1/fps}), so the output
 * rate does not drift whatever the source rate; after a gap in the media time the grid restarts at
 * the next frame.
 */
public final class FrameSampler {
  /** Timestamps are rounded to microseconds: a frame 1 ms early still counts as on time. */
  private static final long TOLERANCE_US = 1_000;

  private final SamplingPolicy policy;
  private final double intervalUs;
  private double nextDueUs = Double.NaN;

  FrameSampler(SamplingPolicy policy) {
    this.policy = policy;
    this.intervalUs = policy.mode() == SamplingPolicy.Mode.FPS ? 1e6 / policy.fps() : 0;
  }

  /** Whether to publish the frame at {@code mediaTimeUs}. */
  public boolean select(long mediaTimeUs, boolean keyFrame) {
    switch (policy.mode()) {
      case ALL:
        return true;
      case KEY_FRAMES:
        return keyFrame;
      default:
        break;
    }
    if (Double.isNaN(nextDueUs) || mediaTimeUs + TOLERANCE_US >= nextDueUs) {
      nextDueUs = Double.isNaN(nextDueUs) ? mediaTimeUs + intervalUs : nextDueUs + intervalUs;
      if (nextDueUs <= mediaTimeUs) {
        nextDueUs = mediaTimeUs + intervalUs;
      }
      return true;
    }
    return false;
  }
}
