package io.facetrail.outbound.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one POST.
 *
 * @param kind whether it was delivered, may be repeated, or must not be
 * @param status the HTTP status, {@code timeout} or {@code connection}
 * @param retryAfter what the server asked to wait, if it did
 * @param error the failure (null when delivered)
 */
record Attempt(Kind kind, String status, Optional<Duration> retryAfter, Throwable error) {
  enum Kind {
    DELIVERED,
    RETRYABLE,
    PERMANENT
  }

  static Attempt delivered(int status) {
    return new Attempt(Kind.DELIVERED, Integer.toString(status), Optional.empty(), null);
  }

  /**
   * The outcome of a response: 2xx delivered; 408, 429 and 5xx worth repeating; every other status
   * (other 4xx, and 1xx/3xx, since redirects are not followed: a receiver that moved must be
   * configured anew) refused for good.
   */
  static Attempt ofStatus(int status, Optional<Duration> retryAfter) {
    if (status >= 200 && status < 300) {
      return delivered(status);
    }
    Kind kind =
        status == 408 || status == 429 || (status >= 500 && status < 600)
            ? Kind.RETRYABLE
            : Kind.PERMANENT;
    return new Attempt(
        kind, Integer.toString(status), retryAfter, new WebhookStatusException(status));
  }

  /** A request that got no response: always worth repeating. */
  static Attempt failed(String status, Throwable error) {
    return new Attempt(Kind.RETRYABLE, status, Optional.empty(), error);
  }
}
