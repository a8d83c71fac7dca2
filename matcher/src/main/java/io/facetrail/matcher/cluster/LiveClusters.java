package io.facetrail.matcher.cluster;

import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.Redecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The clusters a running matcher assigns unknown tracks to as they end: the index rebuilt from the
 * archive at start, kept within the archive's retention, and following re-decisions (a track that
 * now names somebody leaves its cluster; one that no longer does joins one).
 */
public final class LiveClusters {
  private final UnknownClusters clusters;
  private final Duration retention;
  private final Counter assigned;

  /**
   * @param clusters the index, usually {@link ArchivedClusters#load}
   * @param retention the archive's retention: older tracks leave their clusters as they leave it
   */
  public LiveClusters(UnknownClusters clusters, Duration retention, MeterRegistry registry) {
    this.clusters = clusters;
    this.retention = retention;
    assigned =
        Counter.builder("facetrail.matcher.clusters.assigned")
            .description("Unknown tracks put in a cluster of unknown faces")
            .register(registry);
    Gauge.builder("facetrail.matcher.clusters", clusters, UnknownClusters::clusterCount)
        .description("Clusters of unknown faces held")
        .register(registry);
    Gauge.builder("facetrail.matcher.clusters.tracks", clusters, UnknownClusters::size)
        .description("Unknown tracks held in clusters")
        .register(registry);
  }

  /**
   * Puts an unknown track that just ended in a cluster.
   *
   * @return the cluster's id; empty when the track is not clustered (below the quality floor)
   */
  public Optional<String> assign(ArchivedTrack track, Instant now) {
    clusters.removeArchivedBefore(now.minus(retention));
    Optional<String> id = clusters.add(ArchivedClusters.member(track));
    id.ifPresent(x -> assigned.increment());
    return id;
  }

  /** Follows re-decided tracks in or out of the clusters. */
  public void redecided(List<Redecision.Change> changes) {
    for (Redecision.Change c : changes) {
      if (c.after().identified()) {
        clusters.remove(c.track().trackId());
      } else {
        clusters.add(ClusterMember.of(c.track(), c.after()));
      }
    }
  }

  public UnknownClusters clusters() {
    return clusters;
  }
}
