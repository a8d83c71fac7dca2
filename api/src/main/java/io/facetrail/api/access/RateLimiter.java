package io.facetrail.api.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller (key id, or address for requests without a key): {@code perMinute}
 * requests a minute on average, bursts up to the same number. The table is bounded: when it is
 * full, full buckets (callers who have been idle) are dropped first.
 */
public final class RateLimiter {
  static final int MAX_CALLERS = 100_000;

  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public RateLimiter(int perMinute, LongSupplier nanoTime) {
    this.capacity = perMinute;
    this.perNano = perMinute / 60e9;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one request from {@code caller}'s bucket.
   *
   * @return 0 when allowed, else the seconds until the next request would be (at least 1)
   */
  public long acquire(String caller) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= MAX_CALLERS) {
      buckets.values().removeIf(b -> refill(b, now) >= capacity);
    }
    Bucket b = buckets.computeIfAbsent(caller, c -> new Bucket(capacity, now));
    synchronized (b) {
      refill(b, now);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
    }
  }

  private double refill(Bucket b, long now) {
    synchronized (b) {
      b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perNano);
      b.at = now;
      return b.tokens;
    }
  }
}
