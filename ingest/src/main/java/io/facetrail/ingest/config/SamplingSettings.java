package io.facetrail.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.facetrail.ingest.sampling.SamplingPolicy;
import java.util.Locale;

/**
 * Which frames to publish.
 *
 * @param mode {@code auto} (every frame for files, {@code fps} for live sources), {@code all},
 *     {@code fps} or {@code key_frames}
 * @param fps the target rate for {@code fps} (and {@code auto} on live sources)
 */
public record SamplingSettings(Mode mode, Double fps) {
  /** The sampling modes as written in configuration. */
  public enum Mode {
    AUTO,
    ALL,
    FPS,
    KEY_FRAMES;

    @JsonCreator
    public static Mode of(String text) {
      return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  SamplingSettings orElse(SamplingSettings d) {
    return new SamplingSettings(mode != null ? mode : d.mode, fps != null ? fps : d.fps);
  }

  SamplingPolicy policy(boolean live) {
    Mode m = mode == Mode.AUTO ? (live ? Mode.FPS : Mode.ALL) : mode;
    return switch (m) {
      case ALL -> SamplingPolicy.everyFrame();
      case KEY_FRAMES -> SamplingPolicy.keyFrames();
      default -> SamplingPolicy.fps(fps);
    };
  }
}
