package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.PersonRef;
import java.time.Instant;
import java.util.Map;

/** Identity events as a matcher would publish them, for tests. */
public final class TestEvents {
  private TestEvents() {}

  /**
   * An event; {@code personId} null makes it an unknown-face event.
   *
   * @param n makes the event id unique
   */
  public static IdentityEvent event(
      long n, String stream, String track, String personId, Instant emittedAt) {
    IdentityEventType type =
        personId == null ? IdentityEventType.UNKNOWN : IdentityEventType.IDENTIFIED;
    return event(n, type, stream, track, personId, emittedAt);
  }

  /** An unknown-face event carrying a label of {@code padding} characters (a large event). */
  public static IdentityEvent padded(
      long n, String stream, String track, Instant emittedAt, int padding) {
    IdentityEvent e = event(n, stream, track, null, emittedAt);
    return new IdentityEvent(
        e.schemaVersion(),
        e.eventId(),
        e.type(),
        e.streamId(),
        e.trackId(),
        null,
        null,
        null,
        null,
        e.threshold(),
        e.falseAcceptRate(),
        null,
        null,
        null,
        e.firstSeen(),
        e.lastSeen(),
        e.framesUsed(),
        e.modelId(),
        e.emittedAt(),
        Map.of("padding", "x".repeat(padding)));
  }

  public static IdentityEvent event(
      long n,
      IdentityEventType type,
      String stream,
      String track,
      String personId,
      Instant emittedAt) {
    Moment m = new Moment(n, n * 1000, emittedAt.toEpochMilli());
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        String.format("%032x", n),
        type,
        stream,
        track,
        personId == null ? null : new PersonRef(personId, "Person " + personId),
        null,
        null,
        personId == null ? null : 0.3,
        0.5,
        1e-3,
        null,
        null,
        null,
        m,
        m,
        3,
        "facenet-v1",
        emittedAt,
        Map.of());
  }
}
