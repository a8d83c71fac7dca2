package io.facetrail.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.proto.FrameTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentTest {
  /**
   * The event below as the build before Moment took microseconds and epoch milliseconds wrote it
   * (commit e6915e8, whose Moment held a double of milliseconds and an Instant): byte for byte.
   */
  private static final String PUBLISHED_BEFORE =
      "{\"schemaVersion\":1,\"eventId\":\"aae1c879a4f63ac1a693db0189d5b550\",\"type\":\"identified\","
          + "\"streamId\":\"cam-1\",\"trackId\":\"cam-1/1-4\",\"person\":{\"id\":\"p-1\",\"name\":\"Ada\"},"
          + "\"previousPerson\":null,\"clusterId\":null,\"distance\":0.71,\"threshold\":0.93,"
          + "\"falseAcceptRate\":0.001,\"fpir\":0.01,\"gallerySize\":820,\"secondDistance\":1.22,"
          + "\"firstSeen\":{\"sequence\":12,\"mediaTimeMs\":480.0,"
          + "\"capturedAt\":\"2026-11-28T10:15:30.250Z\"},"
          + "\"lastSeen\":{\"sequence\":20,\"mediaTimeMs\":1000.333,"
          + "\"capturedAt\":\"2025-12-06T05:46:40.267Z\"},"
          + "\"framesUsed\":8,\"modelId\":\"dlib-r29-v1\",\"emittedAt\":\"2026-11-28T10:15:30.650Z\","
          + "\"labels\":{\"site\":\"lobby\"}}";

  @Test
  void theIdentityEventJsonIsWhatItWasBeforeTheUnitsChanged() {
    IdentityEvent event = event();
    assertThat(IdentityEventSerde.toJson(event)).isEqualTo(PUBLISHED_BEFORE);
    IdentityEvent back =
        new IdentityEventSerde()
            .deserialize("t", PUBLISHED_BEFORE.getBytes(StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(event);
    assertThat(back.lastSeen().mediaTimeUs()).isEqualTo(1_000_333);
  }

  @Test
  void isTheSameTimeAsTheInternalTopicsFrameTime() {
    FrameTime t =
        FrameTime.newBuilder()
            .setSequence(7)
            .setMediaTimeUs(233_333)
            .setCaptureTimeMs(1_765_000_000_233L)
            .build();
    Moment m = Moment.of(t);
    assertThat(m).isEqualTo(new Moment(7, 233_333, 1_765_000_000_233L));
    assertThat(m.toFrameTime()).isEqualTo(t);
    assertThat(m.mediaTimeMs()).isEqualTo(233.333);
    assertThat(m.capturedAt()).isEqualTo(Instant.ofEpochMilli(1_765_000_000_233L));
  }

  private static IdentityEvent event() {
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
        new Moment(20, 1_000_333, 1_765_000_000_267L),
        8,
        "dlib-r29-v1",
        t.plusMillis(400),
        Map.of("site", "lobby"));
  }
}
