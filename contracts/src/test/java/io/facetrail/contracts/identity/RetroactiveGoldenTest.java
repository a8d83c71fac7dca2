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
 * The optional {@code retroactive} field (schema version 1, 2026-12-07) of events re-decided from a
 * track's stored codes, pinned to a golden document; live events leave it out.
 */
class RetroactiveGoldenTest {
  private final IdentityEventSerde serde = new IdentityEventSerde();

  static IdentityEvent identified(Boolean retroactive) {
    Instant t = Instant.parse("2026-11-28T10:15:30.250Z");
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        IdentityEventIds.of("cam-1/1-7", IdentityEventType.IDENTIFIED, "r3"),
        IdentityEventType.IDENTIFIED,
        "cam-1",
        "cam-1/1-7",
        new PersonRef("p-1", "Ada"),
        null,
        null,
        0.31,
        0.38,
        1e-4,
        1e-2,
        2,
        null,
        Moment.fromJson(40, 5000.0, t),
        Moment.fromJson(57, 8400.0, t.plusMillis(3400)),
        18,
        null,
        "dlib-r29-v1",
        t.plusMillis(3750),
        Map.of(),
        retroactive);
  }

  private static String golden() throws IOException {
    try (InputStream in =
        RetroactiveGoldenTest.class.getResourceAsStream("identified-retroactive.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .strip()
          .replace("EVENTID", IdentityEventIds.of("cam-1/1-7", IdentityEventType.IDENTIFIED, "r3"));
    }
  }

  @Test
  void aReDecidedEventSaysSoExactlyAsTheGoldenDocument() throws IOException {
    IdentityEvent event = identified(true);
    assertThat(IdentityEventSerde.toJson(event)).isEqualTo(golden());
    IdentityEvent back = serde.deserialize("t", golden().getBytes(StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(event);
    assertThat(back.redecided()).isTrue();
  }

  @Test
  void liveEventsLeaveTheFieldOutAndOlderEventsStillRead() throws IOException {
    assertThat(IdentityEventSerde.toJson(identified(null))).doesNotContain("retroactive");
    String older = golden().replace(",\"retroactive\":true", "");
    assertThat(older).doesNotContain("retroactive");
    IdentityEvent back = serde.deserialize("t", older.getBytes(StandardCharsets.UTF_8));
    assertThat(back.retroactive()).isNull();
    assertThat(back.redecided()).isFalse();
  }

  @Test
  void theSchemaRefusesANonBooleanValue() throws IOException {
    String wrong = golden().replace("\"retroactive\":true", "\"retroactive\":\"yes\"");
    assertThatThrownBy(() -> serde.deserialize("t", wrong.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("retroactive");
  }
}
