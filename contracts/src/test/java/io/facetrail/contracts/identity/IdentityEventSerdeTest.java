package io.facetrail.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.serde.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityEventSerdeTest {
  private final IdentityEventSerde serde = new IdentityEventSerde();

  static IdentityEvent identified() {
    Instant t = Instant.parse("2026-11-28T10:15:30.250Z");
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        IdentityEventIds.of("cam-1/1-4", IdentityEventType.IDENTIFIED, "p-1"),
        IdentityEventType.IDENTIFIED,
        "cam-1",
        "cam-1/1-4",
        new PersonRef("p-1", "Ada"),
        null,
        null,
        0.71,
        0.93,
        1e-3,
        1e-2,
        820,
        1.22,
        new Moment(12, 480_000, t.toEpochMilli()),
        new Moment(20, 800_000, t.plusMillis(320).toEpochMilli()),
        8,
        "dlib-r29-v1",
        t.plusMillis(400),
        Map.of("site", "lobby"));
  }

  @Test
  void roundTripsAndMatchesTheSchema() {
    IdentityEvent event = identified();
    byte[] bytes = serde.serialize("t", event);
    assertThat(serde.deserialize("t", bytes)).isEqualTo(event);
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"type\":\"identified\"")
        .contains("\"emittedAt\":\"2026-11-28T10:15:30.650Z\"");
  }

  @Test
  void carriesTheFpirAndGallerySizeOfTheDecision() {
    String json = new String(serde.serialize("t", identified()), StandardCharsets.UTF_8);
    assertThat(json).contains("\"fpir\":0.01").contains("\"gallerySize\":820");
    IdentityEvent back = serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    assertThat(back.fpir()).isEqualTo(1e-2);
    assertThat(back.gallerySize()).isEqualTo(820);
  }

  @Test
  void readsEventsWrittenBeforeFpirAndGallerySizeExisted() {
    String json = new String(serde.serialize("t", identified()), StandardCharsets.UTF_8);
    String older = json.replace("\"fpir\":0.01,", "").replace("\"gallerySize\":820,", "");
    assertThat(older).doesNotContain("fpir").doesNotContain("gallerySize");
    IdentityEvent back = serde.deserialize("t", older.getBytes(StandardCharsets.UTF_8));
    assertThat(back.fpir()).isNull();
    assertThat(back.gallerySize()).isNull();
    assertThat(back.falseAcceptRate()).isEqualTo(1e-3);
  }

  @Test
  void refusesAnFpirOutsideZeroToOne() {
    String json = new String(serde.serialize("t", identified()), StandardCharsets.UTF_8);
    String bad = json.replace("\"fpir\":0.01", "\"fpir\":1.5");
    assertThatThrownBy(() -> serde.deserialize("t", bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("fpir");
  }

  @Test
  void unknownEventsHaveNoPerson() {
    IdentityEvent e = identified();
    IdentityEvent unknown =
        new IdentityEvent(
            1,
            IdentityEventIds.of(e.trackId(), IdentityEventType.UNKNOWN, ""),
            IdentityEventType.UNKNOWN,
            e.streamId(),
            e.trackId(),
            null,
            null,
            "cluster-9",
            null,
            null,
            null,
            null,
            null,
            null,
            e.firstSeen(),
            e.lastSeen(),
            3,
            e.modelId(),
            e.emittedAt(),
            null);
    assertThat(serde.deserialize("t", serde.serialize("t", unknown))).isEqualTo(unknown);
  }

  @Test
  void rejectsDocumentsThatBreakTheSchema() {
    String missingType =
        new String(serde.serialize("t", identified()), StandardCharsets.UTF_8)
            .replace("\"type\":\"identified\",", "");
    assertThatThrownBy(() -> serde.deserialize("t", missingType.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("type");
    String extraField =
        new String(serde.serialize("t", identified()), StandardCharsets.UTF_8)
            .replace("{\"schemaVersion\"", "{\"faceImage\":\"AAAA\",\"schemaVersion\"");
    assertThatThrownBy(() -> serde.deserialize("t", extraField.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("faceImage");
  }

  @Test
  void rejectsNonJson() {
    assertThatThrownBy(() -> serde.deserialize("t", new byte[] {0x46, 1, 2}))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void refusesToPublishAnInvalidEvent() {
    IdentityEvent e = identified();
    IdentityEvent badId =
        new IdentityEvent(
            1,
            "not-hex",
            e.type(),
            e.streamId(),
            e.trackId(),
            e.person(),
            null,
            null,
            e.distance(),
            e.threshold(),
            e.falseAcceptRate(),
            e.fpir(),
            e.gallerySize(),
            e.secondDistance(),
            e.firstSeen(),
            e.lastSeen(),
            e.framesUsed(),
            e.modelId(),
            e.emittedAt(),
            e.labels());
    assertThatThrownBy(() -> serde.serialize("t", badId))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("eventId");
  }

  @Test
  void idsAreDeterministicAndDistinct() {
    String a = IdentityEventIds.of("t1", IdentityEventType.IDENTIFIED, "p");
    assertThat(IdentityEventIds.of("t1", IdentityEventType.IDENTIFIED, "p")).isEqualTo(a);
    assertThat(IdentityEventIds.of("t1", IdentityEventType.ENDED, "p")).isNotEqualTo(a);
    assertThat(IdentityEventIds.of("t2", IdentityEventType.IDENTIFIED, "p")).isNotEqualTo(a);
    assertThat(a).matches("[0-9a-f]{32}");
  }
}
