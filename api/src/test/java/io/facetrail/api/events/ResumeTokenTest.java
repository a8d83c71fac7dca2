package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeTokenTest {
  private static String b64(byte... bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void roundTripsOffsetsOfEveryPartition() {
    ResumeToken t = ResumeToken.of(Map.of(0, 0L, 3, 127L, 7, 128L, 12, Long.MAX_VALUE));
    String text = t.encode();
    assertThat(text).matches("[A-Za-z0-9_-]+");
    ResumeToken back = ResumeToken.decode(text);
    assertThat(back).isEqualTo(t);
    assertThat(back.next(7)).isEqualTo(128L);
    assertThat(back.next(5)).as("a partition the token does not name starts at 0").isZero();
  }

  @Test
  void anEmptyTokenRoundTrips() {
    assertThat(ResumeToken.decode(ResumeToken.of(Map.of()).encode()).next()).isEmpty();
  }

  @Test
  void refusesMalformedTokensSayingWhy() {
    assertThatThrownBy(() -> ResumeToken.decode("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> ResumeToken.decode("not base64!")).hasMessageContaining("base64url");
    assertThatThrownBy(() -> ResumeToken.decode(b64((byte) 2, (byte) 0)))
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> ResumeToken.decode(b64((byte) 1, (byte) 2, (byte) 0, (byte) 5)))
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> ResumeToken.decode(b64((byte) 1, (byte) 0, (byte) 9)))
        .hasMessageContaining("trailing");
    assertThatThrownBy(
            () ->
                ResumeToken.decode(b64((byte) 1, (byte) 2, (byte) 3, (byte) 0, (byte) 1, (byte) 0)))
        .hasMessageContaining("ascending");
    byte[] endless = new byte[12];
    endless[0] = 1;
    for (int i = 1; i < endless.length; i++) {
      endless[i] = (byte) 0xFF;
    }
    assertThatThrownBy(() -> ResumeToken.decode(b64(endless))).hasMessageContaining("too long");
    assertThatThrownBy(() -> ResumeToken.decode("A".repeat(ResumeToken.MAX_LENGTH + 1)))
        .hasMessageContaining("longer than");
  }

  @Test
  void refusesAPartitionCountAboveItsBoundBeforeReadingThem() {
    // Version 1, then a count of 2^21: bounded before anything is allocated for it.
    assertThatThrownBy(
            () ->
                ResumeToken.decode(b64((byte) 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 1)))
        .hasMessageContaining("out of range");
  }

  @Test
  void refusesNegativeOffsets() {
    assertThatThrownBy(() -> ResumeToken.of(Map.of(0, -1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
