package io.facetrail.outbound.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.outbound.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A webhook's filter: by event type and by stream, each empty meaning all. */
class EventFilterTest {
  @Test
  void emptyListsAcceptEverything() {
    EventFilter all = EventFilter.of(List.of(), null);
    for (IdentityEventType type : IdentityEventType.values()) {
      assertThat(all.accepts(SampleEvents.event("any", "any/t", type, "A", 1))).isTrue();
    }
  }

  @Test
  void typesAndStreamsMustBothMatch() {
    EventFilter f = EventFilter.of(List.of(IdentityEventType.IDENTIFIED), List.of("door"));
    assertThat(
            f.accepts(SampleEvents.event("door", "door/t", IdentityEventType.IDENTIFIED, "A", 1)))
        .isTrue();
    assertThat(f.accepts(SampleEvents.event("door", "door/t", IdentityEventType.ENDED, "A", 2)))
        .isFalse();
    assertThat(
            f.accepts(SampleEvents.event("yard", "yard/t", IdentityEventType.IDENTIFIED, "A", 3)))
        .isFalse();
  }
}
