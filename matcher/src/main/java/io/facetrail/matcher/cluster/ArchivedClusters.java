package io.facetrail.matcher.cluster;

import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.decision.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds the clusters of unknown tracks from a track archive. */
public final class ArchivedClusters {
  private static final Logger log = LoggerFactory.getLogger(ArchivedClusters.class);

  private ArchivedClusters() {}

  /**
   * The clusters of the archive's unknown tracks, added in the order they were archived (the order
   * the live index saw them in, so the ids elected are the ones it elected).
   */
  public static UnknownClusters load(
      TrackArchive archive, ClusterSettings settings, Thresholds calibration) {
    long started = System.nanoTime();
    UnknownClusters clusters = new UnknownClusters(settings, calibration);
    if (!settings.enabled()) {
      return clusters;
    }
    List<ClusterMember> members = new ArrayList<>();
    archive.forEach(
        (t, d) -> {
          if (!d.identified()) {
            members.add(ClusterMember.of(t, d));
          }
        });
    members.sort(
        Comparator.comparing(ClusterMember::archivedAt).thenComparing(ClusterMember::trackId));
    for (ClusterMember m : members) {
      clusters.add(m);
    }
    log.info(
        "Clusters of unknown faces: {} tracks in {} clusters, from {} unknown archived tracks ({}"
            + " ms)",
        clusters.size(),
        clusters.clusterCount(),
        members.size(),
        (System.nanoTime() - started) / 1_000_000);
    return clusters;
  }

  /** The member {@code t} makes when it is unknown. */
  static ClusterMember member(ArchivedTrack t) {
    return new ClusterMember(
        t.trackId(),
        t.streamId(),
        t.modelId(),
        t.aggregate(),
        t.goodFrames(),
        t.archivedAt(),
        null,
        t.firstSeen().sequence(),
        t.lastSeen().sequence(),
        t.faceQuality());
  }
}
