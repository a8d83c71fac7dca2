package io.facetrail.outbound.config;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;

/**
 * Exponential back-off between attempts: the wait doubles from {@code initial} up to {@code max};
 * each wait is drawn at random from its upper half (jitter), so that many failed deliveries do not
 * all retry at the same moment.
 *
 * @param initial wait after the first failed attempt
 * @param max longest wait, also the most a {@code Retry-After} header can ask for
 */
public record BackoffSettings(Duration initial, Duration max) implements Validated {
  /** One second doubling up to five minutes. */
  public static final BackoffSettings DEFAULT =
      new BackoffSettings(Duration.ofSeconds(1), Duration.ofMinutes(5));

  @Override
  public void validate(ConfigProblems problems, String path) {
    String initialPath = ConfigProblems.path(path, "initial");
    String maxPath = ConfigProblems.path(path, "max");
    problems.require(positive(initial), initialPath, "must be positive");
    problems.require(positive(max), maxPath, "must be positive");
    if (positive(initial) && positive(max)) {
      problems.require(max.compareTo(initial) >= 0, maxPath, "must not be shorter than initial");
      problems.require(max.compareTo(Duration.ofDays(1)) <= 0, maxPath, "must be at most 1d");
    }
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }
}
