package io.facetrail.matcher.archive;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventIds;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.matcher.index.GalleryIndex;
import java.time.Instant;

/**
 * The identity event of a changed decision about an archived track: {@code identified} when it now
 * names somebody ({@code previousPerson}: whom it named before, if anybody), {@code unknown} when
 * it no longer does; {@code retroactive: true} on both. The id follows from the track and the
 * decision's revision, so every matcher that re-decides the same change emits the same id.
 */
public final class RetroactiveEvents {
  private RetroactiveEvents() {}

  public static IdentityEvent of(Redecision.Change c, GalleryIndex index, Instant now) {
    TrackDecision d = c.after();
    ArchivedTrack t = c.track();
    IdentityEventType type =
        d.identified() ? IdentityEventType.IDENTIFIED : IdentityEventType.UNKNOWN;
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        IdentityEventIds.of(t.trackId(), type, "r" + d.revision()),
        type,
        t.streamId(),
        t.trackId(),
        ref(d.personId(), index),
        ref(c.before().personId(), index),
        null,
        finite(d.distance()),
        finite(d.threshold()),
        finite(d.falseAcceptRate()),
        finite(d.fpir()),
        d.gallerySize() < 0 ? null : d.gallerySize(),
        d.nearest().size() > 1 ? d.nearest().get(1).distance() : null,
        t.firstSeen(),
        t.lastSeen(),
        t.goodFrames(),
        null,
        t.modelId(),
        now,
        t.labels(),
        true);
  }

  private static PersonRef ref(String personId, GalleryIndex index) {
    return personId == null ? null : new PersonRef(personId, index.nameOf(personId).orElse(null));
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
