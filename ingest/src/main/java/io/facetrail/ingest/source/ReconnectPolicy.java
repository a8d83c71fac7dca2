package io.facetrail.ingest.source;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How a live source retries after its connection failed: exponential back-off with jitter.
 *
 * @param initialDelay wait before the first retry
 * @param maxDelay the back-off never waits longer
 * @param multiplier growth of the wait per failed attempt (at least 1)
 * @param jitter spread of each wait as a fraction (0.2 = ±20 %), so many cameras behind one failed
 *     switch do not reconnect in lockstep
 * @param maxAttempts consecutive failed attempts before the source fails for good; 0 = never
 */
public record ReconnectPolicy(
    Duration initialDelay, Duration maxDelay, double multiplier, double jitter, int maxAttempts) {
  public ReconnectPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "reconnect delays must satisfy 0 <= initialDelay <= maxDelay");
    }
    if (!(multiplier >= 1 && multiplier <= 100)) {
      throw new IllegalArgumentException("reconnect multiplier " + multiplier + " not in 1..100");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("reconnect jitter " + jitter + " not in 0..1");
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("reconnect maxAttempts " + maxAttempts + " is negative");
    }
  }

  /** 0.5 s doubling up to 30 s, ±20 % jitter, retrying for ever. */
  public static ReconnectPolicy defaults() {
    return new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2, 0);
  }

  /** Whether another attempt is allowed after {@code failedAttempts} consecutive failures. */
  public boolean allows(int failedAttempts) {
    return maxAttempts == 0 || failedAttempts <= maxAttempts;
  }

  /**
   * The wait before attempt number {@code attempt} (1 for the first retry).
   *
   * @param random uniform numbers in [0, 1)
   */
  public Duration delayBefore(int attempt, DoubleSupplier random) {
    double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxDelay.toMillis());
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(Math.min(capped * spread, maxDelay.toMillis())));
  }
}
