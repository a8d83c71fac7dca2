package io.facetrail.outbound;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventIds;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.PersonRef;
import java.time.Instant;
import java.util.Map;

/** Identity events as the matcher writes them, for the outbound tests. */
public final class SampleEvents {
  private SampleEvents() {}

  /**
   * An event of {@code type} on {@code trackId} of {@code streamId}; {@code person} is null for
   * unknown events. {@code n} makes the event id (and its times) distinct.
   */
  public static IdentityEvent event(
      String streamId, String trackId, IdentityEventType type, String person, int n) {
    Instant t = Instant.parse("2026-12-07T10:00:00Z").plusSeconds(n);
    PersonRef ref = person == null ? null : new PersonRef("p-" + person, person);
    boolean decided = type != IdentityEventType.UNKNOWN;
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        IdentityEventIds.of(trackId, type, person + "#" + n),
        type,
        streamId,
        trackId,
        ref,
        null,
        null,
        decided ? 0.3 : null,
        decided ? 0.38 : null,
        decided ? 1e-3 : null,
        null,
        decided ? 2 : null,
        null,
        new Moment(n, n * 200_000L, t.toEpochMilli()),
        new Moment(n + 5, (n + 5) * 200_000L, t.plusSeconds(1).toEpochMilli()),
        5,
        "dlib-r29-v1",
        t.plusSeconds(2),
        Map.of());
  }
}
