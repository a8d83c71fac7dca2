package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.FrameUse;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventIds;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.matcher.aggregate.FrameProblem;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.index.GalleryIndex;
import java.time.Instant;

/** Builds identity events from track state, with deterministic ids. */
final class IdentityEvents {
  private IdentityEvents() {}

  /**
   * The event of {@code type} about the track. Names come from the index at emission time, so a
   * person erased since shows without a name; the threshold, its FAR and FPIR and the gallery size
   * are those of the track's latest evaluation.
   *
   * @param clusterId for unknown events, the cluster of unknown faces the track joined (or null)
   */
  static IdentityEvent of(
      IdentityEventType type,
      TrackState s,
      String previousPersonId,
      String clusterId,
      GalleryIndex index,
      Instant now) {
    String discriminator =
        switch (type) {
          case IDENTIFIED, ENDED, UNKNOWN -> "";
          case CHANGED -> Integer.toString(s.changes());
        };
    PersonRef person = type == IdentityEventType.UNKNOWN ? null : ref(s.personId(), index);
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        IdentityEventIds.of(s.eventTrackId(), type, discriminator),
        type,
        s.streamId(),
        s.eventTrackId(),
        person,
        ref(previousPersonId, index),
        clusterId,
        finite(s.lastDistance()),
        finite(s.lastThreshold()),
        finite(s.lastFalseAcceptRate()),
        finite(s.lastFpir()),
        s.lastGallerySize() < 0 ? null : s.lastGallerySize(),
        finite(s.lastSecondDistance()),
        s.firstSeen(),
        s.lastSeen(),
        s.goodFrames(),
        type == IdentityEventType.UNKNOWN ? frameUse(s) : null,
        s.modelId(),
        now,
        s.labels());
  }

  /** Why the track's frames were not used: unknown events say it (schema field frameUse). */
  private static FrameUse frameUse(TrackState s) {
    return new FrameUse(
        s.observations(),
        s.unused(FrameProblem.TOO_SMALL),
        s.unused(FrameProblem.TOO_DARK),
        s.unused(FrameProblem.TURNED_AWAY),
        s.unused(FrameProblem.TOO_BLURRED),
        s.unused(FrameProblem.LOW_QUALITY));
  }

  private static PersonRef ref(String personId, GalleryIndex index) {
    return personId == null ? null : new PersonRef(personId, index.nameOf(personId).orElse(null));
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
