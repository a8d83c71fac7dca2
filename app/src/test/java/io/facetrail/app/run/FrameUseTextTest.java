package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.FrameUse;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameUseTextTest {
  private static IdentityEvent unknown(long framesUsed, FrameUse use) {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    return new IdentityEvent(
        1,
        "0123456789abcdef0123456789abcdef",
        IdentityEventType.UNKNOWN,
        "lobby",
        "lobby/r0/t2",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Moment.fromJson(0, 5000, t),
        Moment.fromJson(17, 8400, t),
        framesUsed,
        use,
        "dlib-r29-v1",
        t,
        Map.of());
  }

  @Test
  void saysHowManyFramesWereUsableAndWhyTheOthersWereNot() {
    assertThat(FrameUseText.of(unknown(0, new FrameUse(18, 12, 0, 6, 0, 0))))
        .isEqualTo("0 of 18 frames usable: 12 too small, 6 turned away");
    assertThat(FrameUseText.of(unknown(4, new FrameUse(7, 0, 1, 0, 2, 0))))
        .isEqualTo("4 of 7 frames usable: 1 too dark, 2 too blurred");
    assertThat(FrameUseText.of(unknown(5, new FrameUse(5, 0, 0, 0, 0, 0))))
        .isEqualTo("5 of 5 frames usable");
  }

  @Test
  void eventsOfAnOlderMatcherKeepTheOldWording() {
    assertThat(FrameUseText.of(unknown(5, null))).isEqualTo("5 frames good enough to match");
  }
}
