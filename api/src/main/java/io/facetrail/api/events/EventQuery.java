package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import java.time.Instant;

/**
 * Which events a caller asked for; null fields do not filter.
 *
 * @param camera the stream id
 * @param person the person id (as the decision, or as the person a changed track matched before)
 * @param type the event type
 * @param since the earliest emission time, inclusive
 * @param until the latest emission time, exclusive
 */
public record EventQuery(
    String camera, String person, IdentityEventType type, Instant since, Instant until) {
  /** Every event. */
  public static final EventQuery ALL = new EventQuery(null, null, null, null, null);

  public boolean matches(IdentityEvent e) {
    return (camera == null || camera.equals(e.streamId()))
        && (person == null || names(e, person))
        && (type == null || type == e.type())
        && (since == null || !e.emittedAt().isBefore(since))
        && (until == null || e.emittedAt().isBefore(until));
  }

  private static boolean names(IdentityEvent e, String personId) {
    return (e.person() != null && personId.equals(e.person().id()))
        || (e.previousPerson() != null && personId.equals(e.previousPerson().id()));
  }
}
