package io.facetrail.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.serde.MalformedRecordException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional {@code frameUse} field of unknown events (schema version 1, 2026-12-07), pinned to a
 * golden document: its name, place and spelling are what consumers read.
 */
class FrameUseGoldenTest {
  private final IdentityEventSerde serde = new IdentityEventSerde();

  static IdentityEvent unknown(FrameUse use) {
    Instant t = Instant.parse("2026-11-28T10:15:30.250Z");
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        IdentityEventIds.of("cam-1/1-7", IdentityEventType.UNKNOWN, ""),
        IdentityEventType.UNKNOWN,
        "cam-1",
        "cam-1/1-7",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Moment.fromJson(40, 5000.0, t),
        Moment.fromJson(57, 8400.0, t.plusMillis(3400)),
        0,
        use,
        "dlib-r29-v1",
        t.plusMillis(3750),
        Map.of());
  }

  private static String golden() throws IOException {
    try (InputStream in =
        FrameUseGoldenTest.class.getResourceAsStream("unknown-with-frame-use.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .strip()
          .replace("EVENTID", IdentityEventIds.of("cam-1/1-7", IdentityEventType.UNKNOWN, ""));
    }
  }

  @Test
  void anUnknownEventSaysWhyFramesWereNotUsedExactlyAsTheGoldenDocument() throws IOException {
    IdentityEvent event = unknown(new FrameUse(18, 12, 0, 6, 0, 0));
    assertThat(IdentityEventSerde.toJson(event)).isEqualTo(golden());
    assertThat(serde.deserialize("t", golden().getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
  }

  @Test
  void eventsWrittenBeforeTheFieldStillRead() throws IOException {
    String older = golden().replaceFirst(",\"frameUse\":\\{[^}]*\\}", "");
    assertThat(older).doesNotContain("frameUse");
    IdentityEvent back = serde.deserialize("t", older.getBytes(StandardCharsets.UTF_8));
    assertThat(back.frameUse()).isNull();
    assertThat(back.framesUsed()).isZero();
  }

  @Test
  void theSchemaRefusesAMisspeltOrNegativeCount() throws IOException {
    String misspelt = golden().replace("\"turnedAway\"", "\"turned_away\"");
    assertThatThrownBy(() -> serde.deserialize("t", misspelt.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("frameUse");
    String negative = golden().replace("\"tooSmall\":12", "\"tooSmall\":-1");
    assertThatThrownBy(() -> serde.deserialize("t", negative.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class);
  }
}
