package io.facetrail.ingest.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An interruption of a live stream, reported once frames flow again: how long the stream gave no
 * frame, what it took to get it back and why it was lost. Media time jumps by (at least) {@code
 * length} across it, so consumers of the frames topic see the hole too.
 *
 * @param length wall-clock time from the last frame before the interruption to the first after it
 * @param reconnects reconnection attempts it took (1 when the first one succeeded)
 * @param cause what interrupted the stream, e.g. {@code stalled: no frame for 2 s}
 */
public record StreamGap(Duration length, int reconnects, String cause) {
  public StreamGap {
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(cause, "cause");
    if (length.isNegative() || reconnects < 1) {
      throw new IllegalArgumentException("a gap has a length >= 0 and at least one reconnect");
    }
  }

  /** One line for logs and status, e.g. {@code 4.2 s without frames (2 reconnects; cause: ...)}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%.1f s without frames (%d reconnect%s; cause: %s)",
        length.toNanos() / 1e9,
        reconnects,
        reconnects == 1 ? "" : "s",
        cause);
  }
}
