package io.facetrail.ingest.engine;

/**
 * A rate over the last window of at least {@value #WINDOW_NANOS} ns, computed from a monotonic
 * counter whenever someone asks (metrics scrapes, status calls).
 */
final class RateMeter {
  private static final long WINDOW_NANOS = 2_000_000_000L;

  private long windowStartNanos;
  private long windowStartCount;
  private double rate;

  RateMeter(long nowNanos) {
    this.windowStartNanos = nowNanos;
  }

  synchronized double rate(long count, long nowNanos) {
    long elapsed = nowNanos - windowStartNanos;
    if (elapsed >= WINDOW_NANOS) {
      rate = (count - windowStartCount) * 1e9 / elapsed;
      windowStartNanos = nowNanos;
      windowStartCount = count;
    } else if (windowStartCount == 0 && elapsed > 0 && count > 0) {
      rate = count * 1e9 / elapsed; // first window: show something before it completes
    }
    return rate;
  }
}
