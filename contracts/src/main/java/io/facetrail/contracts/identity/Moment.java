package io.facetrail.contracts.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * When a frame was seen: its sequence number in the stream, its media time and its capture
 * wall-clock time.
 */
public record Moment(long sequence, double mediaTimeMs, Instant capturedAt) {
  public Moment {
    Objects.requireNonNull(capturedAt, "capturedAt");
  }
}
