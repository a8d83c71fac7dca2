package io.facetrail.ingest.config;

import io.facetrail.ingest.source.ReconnectPolicy;
import java.time.Duration;

/**
 * Reconnecting live sources: exponential back-off with jitter.
 *
 * @param initialDelay wait before the first retry
 * @param maxDelay longest wait
 * @param multiplier growth per failed attempt
 * @param jitter spread of each wait, as a fraction
 * @param maxAttempts consecutive failures before giving up; 0 = retry for ever
 */
public record ReconnectSettings(
    Duration initialDelay,
    Duration maxDelay,
    Double multiplier,
    Double jitter,
    Integer maxAttempts) {
  ReconnectSettings orElse(ReconnectSettings d) {
    return new ReconnectSettings(
        initialDelay != null ? initialDelay : d.initialDelay,
        maxDelay != null ? maxDelay : d.maxDelay,
        multiplier != null ? multiplier : d.multiplier,
        jitter != null ? jitter : d.jitter,
        maxAttempts != null ? maxAttempts : d.maxAttempts);
  }

  ReconnectPolicy policy() {
    return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, maxAttempts);
  }
}
