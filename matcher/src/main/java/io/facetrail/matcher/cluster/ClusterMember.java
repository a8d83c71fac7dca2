package io.facetrail.matcher.cluster;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.archive.TrackDecision;
import java.time.Instant;
import java.util.Objects;

/**
 * An unknown track as clustering sees it.
 *
 * @param trackId the track
 * @param streamId its stream or video
 * @param modelId the model of its aggregate (tracks link only within one model)
 * @param aggregate its aggregate code
 * @param goodFrames good frames in the aggregate
 * @param archivedAt when it was archived (the oldest member of a cluster wins ties)
 * @param givenClusterId the cluster id it was given when it joined, null when none yet
 * @param firstSequence the stream's frame number of its first sighting
 * @param lastSequence the stream's frame number of its last sighting (two tracks of one stream seen
 *     at the same time are two people, whatever their codes say)
 */
public record ClusterMember(
    String trackId,
    String streamId,
    String modelId,
    byte[] aggregate,
    int goodFrames,
    Instant archivedAt,
    String givenClusterId,
    long firstSequence,
    long lastSequence,
    FaceQuality faceQuality) {
  /** A member whose faces were not measured. */
  public ClusterMember(
      String trackId,
      String streamId,
      String modelId,
      byte[] aggregate,
      int goodFrames,
      Instant archivedAt,
      String givenClusterId,
      long firstSequence,
      long lastSequence) {
    this(
        trackId,
        streamId,
        modelId,
        aggregate,
        goodFrames,
        archivedAt,
        givenClusterId,
        firstSequence,
        lastSequence,
        FaceQuality.UNKNOWN);
  }

  public ClusterMember {
    Objects.requireNonNull(trackId, "trackId");
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(archivedAt, "archivedAt");
    if (aggregate == null || aggregate.length != FaceCode.DIMENSIONS) {
      throw new IllegalArgumentException("the aggregate must be a 128-byte face code");
    }
    aggregate = aggregate.clone();
    faceQuality = faceQuality == null ? FaceQuality.UNKNOWN : faceQuality;
  }

  /** The member an archived unknown track makes. */
  public static ClusterMember of(ArchivedTrack t, TrackDecision d) {
    return new ClusterMember(
        t.trackId(),
        t.streamId(),
        t.modelId(),
        t.aggregate(),
        t.goodFrames(),
        t.archivedAt(),
        d.clusterId(),
        t.firstSeen().sequence(),
        t.lastSeen().sequence(),
        t.faceQuality());
  }

  /** This member with the cluster id it was given. */
  public ClusterMember withGivenClusterId(String id) {
    return new ClusterMember(
        trackId,
        streamId,
        modelId,
        aggregate,
        goodFrames,
        archivedAt,
        id,
        firstSequence,
        lastSequence,
        faceQuality);
  }

  /** Whether the two were seen by one stream at the same time: then they are two people. */
  public boolean seenWith(ClusterMember other) {
    return streamId.equals(other.streamId)
        && firstSequence <= other.lastSequence
        && other.firstSequence <= lastSequence;
  }

  @Override
  public byte[] aggregate() {
    return aggregate.clone();
  }

  /** Never prints the code: it is biometric data. */
  @Override
  public String toString() {
    return "ClusterMember[" + trackId + " of " + streamId + "]";
  }
}
