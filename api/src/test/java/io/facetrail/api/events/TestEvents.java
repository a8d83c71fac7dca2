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
