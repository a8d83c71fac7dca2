package io.facetrail.matcher.stream;

import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.index.Match;
import java.time.Instant;
import java.util.List;

/**
 * Hands an ended track (or the identified part of a split one) to the archive: its aggregate, best
 * frames and thumbnail, and its decision with the two nearest persons of the gallery now (what a
 * later re-decision starts from).
 */
final class TrackArchiving {
  private final MatcherDependencies deps;

  TrackArchiving(MatcherDependencies deps) {
    this.deps = deps;
  }

  /**
   * Archives the current part of {@code s}, unless archiving is off or the part has no good frame
   * (nothing to search by).
   *
   * <p>An unknown track joins a cluster of unknown faces first (when clustering is on), and its
   * decision keeps the cluster's id.
   *
   * @param end the end record with the best face's thumbnail; null when it is not at hand (a split
   *     part, a track closed after an outage or for idleness)
   * @return the cluster an unknown track joined; null when none
   */
  String archive(TrackState s, TrackEnded end) {
    if (!deps.archive().enabled() || s.goodFrames() == 0 || s.modelId().isEmpty()) {
      return null;
    }
    byte[] code = s.aggregateCode();
    List<Match> nearest = deps.index().search(code, s.modelId(), 2, deps.search());
    Instant now = deps.clock().instant();
    byte[] jpeg =
        end != null && end.hasBestFace()
            ? end.getBestFace().getThumbnailJpeg().toByteArray()
            : new byte[0];
    if (jpeg.length > ArchivedTrack.MAX_THUMBNAIL_BYTES) {
      jpeg = new byte[0];
    }
    ArchivedTrack track =
        new ArchivedTrack(
            s.eventTrackId(),
            s.streamId(),
            s.modelId(),
            s.firstSeen(),
            s.lastSeen(),
            now,
            s.goodFrames(),
            code,
            s.bestFrameCodes(),
            jpeg,
            s.labels(),
            s.faceQuality());
    TrackDecision decision =
        new TrackDecision(
            s.eventTrackId(),
            s.personId(),
            s.lastDistance(),
            s.lastThreshold(),
            s.lastFalseAcceptRate(),
            s.lastFpir(),
            s.lastGallerySize(),
            nearest,
            true,
            now,
            false,
            0);
    String clusterId =
        s.personId() != null
            ? null
            : deps.clusters().flatMap(c -> c.assign(track, now)).orElse(null);
    deps.archive().ended(track, decision.withClusterId(clusterId));
    return clusterId;
  }
}
