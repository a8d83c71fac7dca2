package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.contracts.identity.TrackParts;
import java.time.Instant;
import java.util.Comparator;

/**
 * An identity event with its place in the topic.
 *
 * @param partition the identity topic partition it was read from
 * @param offset its offset there
 * @param event the event as published
 */
public record StoredEvent(int partition, long offset, IdentityEvent event) {
  /** Oldest first by emission time, then by place in the topic (a total order). */
  public static final Comparator<StoredEvent> BY_TIME =
      Comparator.comparing(StoredEvent::emittedAt)
          .thenComparingInt(StoredEvent::partition)
          .thenComparingLong(StoredEvent::offset);

  public Instant emittedAt() {
    return event.emittedAt();
  }

  /** The tracker's track the event is about (a split track's parts share it). */
  public String trackerTrack() {
    return TrackParts.trackerTrack(event.trackId());
  }

  /** Whether the event names a person (as the decision or as the one before it). */
  public boolean namesAnyone() {
    return event.person() != null || event.previousPerson() != null;
  }

  /** Whether every person the event names is still known to {@code directory}. */
  public boolean personsKnownTo(PersonDirectory directory) {
    return known(event.person(), directory) && known(event.previousPerson(), directory);
  }

  private static boolean known(PersonRef p, PersonDirectory directory) {
    return p == null || directory.contains(p.id());
  }
}
