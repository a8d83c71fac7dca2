package io.facetrail.tracker.session;

import io.facetrail.contracts.proto.TrackEvent;
import java.util.List;

/**
 * The result of feeding one record to a session.
 *
 * @param disposition what the session made of the record
 * @param events the track events to publish, in order
 * @param shotChanged whether the record began a new shot, which ended every open track
 */
public record SessionOutcome(
    Disposition disposition, List<TrackEvent> events, boolean shotChanged) {
  /** What happened to a record. */
  public enum Disposition {
    /** Processed normally. */
    PROCESSED,
    /**
     * A frame at or before the last one processed (a duplicate or out-of-order delivery): ignored,
     * the session did not change.
     */
    IGNORED_OUT_OF_ORDER,
    /**
     * A frame with sequence 0 after later frames, without an end-of-stream in between: the source
     * restarted (e.g. it crashed). The open tracks were ended and a new run started with this
     * frame.
     */
    RESTARTED
  }

  static SessionOutcome ignored() {
    return new SessionOutcome(Disposition.IGNORED_OUT_OF_ORDER, List.of(), false);
  }
}
