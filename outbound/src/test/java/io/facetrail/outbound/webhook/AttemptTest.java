package io.facetrail.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which responses are delivered, repeated or refused for good, and Retry-After's two forms. */
class AttemptTest {
  @Test
  void successfulStatusesAreDelivered() {
    for (int status : new int[] {200, 201, 202, 204, 299}) {
      assertThat(Attempt.ofStatus(status, Optional.empty()).kind())
          .as("%d", status)
          .isEqualTo(Attempt.Kind.DELIVERED);
    }
  }

  @Test
  void timeoutsThrottlingAndServerErrorsAreRepeated() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504, 599}) {
      Attempt a = Attempt.ofStatus(status, Optional.empty());
      assertThat(a.kind()).as("%d", status).isEqualTo(Attempt.Kind.RETRYABLE);
      assertThat(a.status()).isEqualTo(Integer.toString(status));
      assertThat(a.error()).isInstanceOf(WebhookStatusException.class);
    }
  }

  @Test
  void otherClientErrorsAndRedirectsAreRefusedForGood() {
    for (int status : new int[] {400, 401, 403, 404, 410, 413, 422, 301, 302, 307, 100}) {
      assertThat(Attempt.ofStatus(status, Optional.empty()).kind())
          .as("%d", status)
          .isEqualTo(Attempt.Kind.PERMANENT);
    }
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Mon, 07 Dec 2026 10:00:30 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse("-5", now)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", now)).isEmpty();
    assertThat(RetryAfter.parse(null, now)).isEmpty();
  }
}
