package io.facetrail.ingest.sampling;

import java.util.Objects;

/**
 * Which frames of a stream to publish.
 *
 * @param mode the rule
 * @param fps target frames per second of media time, for {@link Mode#FPS}
 */
public record SamplingPolicy(Mode mode, double fps) {
  /** The rules. */
  public enum Mode {
    /** Every decoded frame. */
    ALL,
    /** At most {@code fps} frames per second of media time, evenly spaced. */
    FPS,
    /** Key frames only; the others are not even decoded (a fast archive scan). */
    KEY_FRAMES
  }

  public SamplingPolicy {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.FPS && !(fps > 0 && fps <= 1000)) {
      throw new IllegalArgumentException("sampling fps " + fps + " is not in (0, 1000]");
    }
  }

  public static SamplingPolicy everyFrame() {
    return new SamplingPolicy(Mode.ALL, 0);
  }

  public static SamplingPolicy fps(double fps) {
    return new SamplingPolicy(Mode.FPS, fps);
  }

  public static SamplingPolicy keyFrames() {
    return new SamplingPolicy(Mode.KEY_FRAMES, 0);
  }

  /** A fresh, stateful selector applying this policy to one stream. */
  public FrameSampler newSampler() {
    return new FrameSampler(this);
  }

  @Override
  public String toString() {
    return switch (mode) {
      case ALL -> "every frame";
      case FPS -> fps + " fps";
      case KEY_FRAMES -> "key frames";
    };
  }
}
