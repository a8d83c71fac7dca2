package io.facetrail.app.index;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.matcher.archive.ArchivedTrack;

/**
 * Which frames the matcher decided a track on, as its last identity event told: the same frames an
 * archived track of the same stream covers when it is this track (the archive keeps a track of the
 * same id from another video of the same name beside it, see {@link ArchivedTrack#sameSighting}).
 * Recorded per track in the timeline so that a later {@code index} finds the video's tracks in the
 * archive and re-decides them there instead of decoding the video.
 *
 * @param firstSequence the first frame's sequence number in the stream
 * @param firstUs its media time, microseconds
 * @param lastSequence the last frame's sequence number
 * @param lastUs its media time
 * @param goodFrames frames whose codes the decision used: a track with none was never compared, so
 *     it is not in the archive and no gallery change can name it
 */
public record Sighting(
    long firstSequence, long firstUs, long lastSequence, long lastUs, long goodFrames) {
  /** The sighting an identity event reports. */
  static Sighting of(IdentityEvent e) {
    return new Sighting(
        e.firstSeen().sequence(),
        e.firstSeen().mediaTimeUs(),
        e.lastSeen().sequence(),
        e.lastSeen().mediaTimeUs(),
        e.framesUsed());
  }

  /**
   * Whether {@code t}, of stream {@code streamId}, is this sighting. Media times travel as
   * milliseconds with a fraction on the identity topic, so they are compared to the microsecond.
   */
  boolean matches(String streamId, ArchivedTrack t) {
    return t.streamId().equals(streamId)
        && t.firstSeen().sequence() == firstSequence
        && t.lastSeen().sequence() == lastSequence
        && Math.abs(t.firstSeen().mediaTimeUs() - firstUs) <= 1
        && Math.abs(t.lastSeen().mediaTimeUs() - lastUs) <= 1;
  }
}
