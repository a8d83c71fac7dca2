package io.facetrail.outbound.config;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which identity events a target receives.
 *
 * @param events event types to send; empty: every type
 * @param streams stream ids (cameras) to send; empty: every stream
 */
public record EventFilter(Set<IdentityEventType> events, Set<String> streams) {
  public EventFilter {
    events = events == null || events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
    streams = streams == null ? Set.of() : Set.copyOf(streams);
  }

  /** Every event. */
  public static EventFilter all() {
    return new EventFilter(Set.of(), Set.of());
  }

  /** The filter of configuration lists (null: every value). */
  public static EventFilter of(List<IdentityEventType> events, List<String> streams) {
    return new EventFilter(
        events == null ? Set.of() : Set.copyOf(events),
        streams == null ? Set.of() : Set.copyOf(streams));
  }

  public boolean accepts(IdentityEvent event) {
    return (events.isEmpty() || events.contains(event.type()))
        && (streams.isEmpty() || streams.contains(event.streamId()));
  }
}
