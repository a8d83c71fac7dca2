package io.facetrail.matcher.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A cluster of unknown tracks as it stands.
 *
 * @param id its current id
 * @param trackIds its tracks, oldest first
 * @param streams the streams and videos they were seen in
 * @param firstArchived when its oldest track was archived
 * @param lastArchived when its newest track was archived
 * @param goodFrames good frames over all its tracks
 */
public record Cluster(
    String id,
    List<String> trackIds,
    Set<String> streams,
    Instant firstArchived,
    Instant lastArchived,
    int goodFrames) {
  public Cluster {
    trackIds = List.copyOf(trackIds);
    streams = Set.copyOf(streams);
  }

  public int size() {
    return trackIds.size();
  }
}
