package io.facetrail.outbound.delivery;

import io.facetrail.outbound.config.BackoffSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The waits between attempts: exponential, capped, with jitter. After the n-th failed attempt the
 * ceiling is {@code min(max, initial * 2^(n-1))} and the wait is drawn uniformly from its upper
 * half, {@code [ceiling/2, ceiling]}: half of it keeps the back-off growing, the random half keeps
 * many failing deliveries (every webhook of a site whose network just came back) from retrying in
 * step.
 */
public final class Backoff {
  private final BackoffSettings settings;
  private final DoubleSupplier random;

  /**
   * @param random values in {@code [0, 1)}
   */
  public Backoff(BackoffSettings settings, DoubleSupplier random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Back-off with the thread-local random generator. */
  public static Backoff of(BackoffSettings settings) {
    return new Backoff(settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The longest wait after {@code failedAttempts} failed attempts (at least 1). */
  public Duration ceiling(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException(
          "failedAttempts must be at least 1, got " + failedAttempts);
    }
    long initial = settings.initial().toMillis();
    long max = settings.max().toMillis();
    // Doubling past 2^40 ms (35 years) only overflows: every max allowed is far below it.
    int doublings = Math.min(failedAttempts - 1, 40);
    long ceiling = initial > (max >> doublings) ? max : initial << doublings;
    return Duration.ofMillis(Math.min(ceiling, max));
  }

  /** The wait after {@code failedAttempts} failed attempts. */
  public Duration delay(int failedAttempts) {
    long ceiling = ceiling(failedAttempts).toMillis();
    long half = ceiling / 2;
    double r = random.getAsDouble();
    if (!(r >= 0 && r < 1)) {
      throw new IllegalStateException("random value " + r + " is not in [0, 1)");
    }
    return Duration.ofMillis(ceiling - half + (long) (r * (half + 1)));
  }

  /**
   * The wait after {@code failedAttempts} failed attempts when the server asked for {@code
   * retryAfter}: never sooner than it asked, up to the configured maximum (a server asking for an
   * hour does not stall the webhook's queue for an hour), and never sooner than the back-off.
   */
  public Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
    Duration backoff = delay(failedAttempts);
    if (retryAfter.isEmpty()) {
      return backoff;
    }
    Duration asked =
        retryAfter.get().compareTo(settings.max()) > 0 ? settings.max() : retryAfter.get();
    return asked.compareTo(backoff) > 0 ? asked : backoff;
  }
}
