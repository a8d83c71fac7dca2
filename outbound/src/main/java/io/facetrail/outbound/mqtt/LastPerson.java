package io.facetrail.outbound.mqtt;

import io.facetrail.contracts.identity.IdentityEvent;
import java.util.Optional;

/**
 * What the retained {@code last_person} topic of a camera says after an event: the person's name
 * when a track is identified or changes person, {@code unknown} when a track ends unmatched (or
 * names a person erased since, whose name is gone). An {@code ended} event changes nothing: it
 * closes a track whose person was already announced.
 */
final class LastPerson {
  static final String UNKNOWN = "unknown";

  private LastPerson() {}

  static Optional<String> after(IdentityEvent event) {
    return switch (event.type()) {
      case IDENTIFIED, CHANGED ->
          Optional.of(
              event.person() == null || event.person().name() == null
                  ? UNKNOWN
                  : event.person().name());
      case UNKNOWN -> Optional.of(UNKNOWN);
      case ENDED -> Optional.empty();
    };
  }
}
