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
  private double anchorUs = Double.NaN;

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
      if (Double.isNaN(nextDueUs) || nextDueUs + intervalUs <= mediaTimeUs) {
        anchorUs = mediaTimeUs; // first frame, or after a gap: the grid restarts here
        nextDueUs = mediaTimeUs + intervalUs;
      } else {
        nextDueUs += intervalUs;
      }
      return true;
    }
    return false;
  }

  /**
   * Whether a frame at {@code mediaTimeUs}, not yet decoded, could be selected: it lies within
   * {@code windowUs} after a point of the selection grid (or the grid is not known yet). Decoding
   * runs ahead of selection (frame threads, B-frame reordering), so the answer must not depend on
   * frames still inside the decoder; the grid does not. Frames this says no to may be left
   * undecoded when nothing else depends on them.
   */
  public boolean mightSelect(long mediaTimeUs, long windowUs) {
    if (policy.mode() != SamplingPolicy.Mode.FPS || Double.isNaN(anchorUs)) {
      return true;
    }
    if (mediaTimeUs < anchorUs || mediaTimeUs > nextDueUs + 10 * intervalUs) {
      return true; // before the grid, or far past it (a gap): let the decoder decide nothing
    }
    double sinceGridPoint = (mediaTimeUs - anchorUs + TOLERANCE_US) % intervalUs;
    return sinceGridPoint < windowUs + TOLERANCE_US;
  }
}
