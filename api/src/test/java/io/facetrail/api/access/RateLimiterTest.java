package io.facetrail.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void aBurstUpToTheLimitPassesThenTheBucketRefillsAtTheRate() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(60, now::get);
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isEqualTo(1);
    assertThat(limiter.acquire("b")).isZero();
    now.addAndGet(1_000_000_000L);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }
}
