package io.facetrail.outbound.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.outbound.SampleEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the retained last_person topic says after each kind of event. */
class LastPersonTest {
  @Test
  void namesTheIdentifiedOrChangedPersonAndUnknownForUnmatchedTracks() {
    assertThat(
            LastPerson.after(SampleEvents.event("c", "t", IdentityEventType.IDENTIFIED, "Ada", 1)))
        .contains("Ada");
    assertThat(LastPerson.after(SampleEvents.event("c", "t", IdentityEventType.CHANGED, "Bob", 2)))
        .contains("Bob");
    assertThat(LastPerson.after(SampleEvents.event("c", "t", IdentityEventType.UNKNOWN, null, 3)))
        .contains("unknown");
    assertThat(LastPerson.after(SampleEvents.event("c", "t", IdentityEventType.ENDED, "Ada", 4)))
        .isEmpty();
  }

  @Test
  void anErasedPersonIsUnknown() {
    IdentityEvent e = SampleEvents.event("c", "t", IdentityEventType.IDENTIFIED, "Ada", 1);
    IdentityEvent erased =
        new IdentityEvent(
            e.schemaVersion(),
            e.eventId(),
            e.type(),
            e.streamId(),
            e.trackId(),
            new PersonRef("p-Ada", null),
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
            Map.of());
    assertThat(LastPerson.after(erased)).contains("unknown");
  }
}
