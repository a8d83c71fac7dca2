package io.facetrail.matcher.cluster;

import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.Redecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusters a running matcher assigns unknown tracks to as they end: the index rebuilt from the
 * archive at start, kept within the archive's retention, and following re-decisions (a track that
 * now names somebody leaves its cluster; one that no longer does joins one).
 *
 * <p>The rebuild runs on its own thread: it reads the archive and searches each unknown track's
 * neighbours, which grows with the square of the unknown tracks held (about 20 s for 10,000 on a
 * busy 2-core machine), and the stream must not wait for it. Tracks that end meanwhile get no
 * cluster id in their event; they join their cluster once the rebuild is done, and carry its id
 * from the next rebuild on.
 */
public final class LiveClusters {
  private static final Logger log = LoggerFactory.getLogger(LiveClusters.class);

  private final Duration retention;
  private final Counter assigned;
  private final Object lock = new Object();
  private final List<ClusterMember> waiting = new ArrayList<>();
  private volatile UnknownClusters clusters;
  private volatile boolean failed;

  /**
   * Rebuilds the clusters with {@code load} on a thread of its own.
   *
   * @param load usually {@link ArchivedClusters#load}
   * @param retention the archive's retention: older tracks leave their clusters as they leave it
   */
  public static LiveClusters loading(
      Supplier<UnknownClusters> load, Duration retention, MeterRegistry registry) {
    LiveClusters live = new LiveClusters(null, retention, registry);
    Thread t =
        new Thread(
            () -> {
              try {
                live.loaded(load.get());
              } catch (RuntimeException e) {
                live.failed = true;
                log.error(
                    "Clusters of unknown faces could not be rebuilt from the archive; unknown"
                        + " tracks are not clustered until the next start",
                    e);
              }
            },
            "facetrail-clusters-rebuild");
    t.setDaemon(true);
    t.start();
    return live;
  }

  /**
   * @param clusters the index, already built (null: {@link #loading} fills it in)
   * @param retention the archive's retention: older tracks leave their clusters as they leave it
   */
  public LiveClusters(UnknownClusters clusters, Duration retention, MeterRegistry registry) {
    this.clusters = clusters;
    this.retention = retention;
    assigned =
        Counter.builder("facetrail.matcher.clusters.assigned")
            .description("Unknown tracks put in a cluster of unknown faces")
            .register(registry);
    Gauge.builder("facetrail.matcher.clusters", this, c -> c.count(UnknownClusters::clusterCount))
        .description("Clusters of unknown faces held (0 while they are rebuilt)")
        .register(registry);
    Gauge.builder("facetrail.matcher.clusters.tracks", this, c -> c.count(UnknownClusters::size))
        .description("Unknown tracks held in clusters")
        .register(registry);
  }

  private double count(java.util.function.ToIntFunction<UnknownClusters> f) {
    UnknownClusters c = clusters;
    return c == null ? 0 : f.applyAsInt(c);
  }

  private void loaded(UnknownClusters built) {
    synchronized (lock) {
      for (ClusterMember m : waiting) {
        built.add(m);
      }
      waiting.clear();
      clusters = built;
    }
  }

  /**
   * Puts an unknown track that just ended in a cluster.
   *
   * @return the cluster's id; empty when the track is not clustered (below the quality floors, or
   *     while the clusters are being rebuilt)
   */
  public Optional<String> assign(ArchivedTrack track, Instant now) {
    ClusterMember m = ArchivedClusters.member(track);
    synchronized (lock) {
      if (clusters == null) {
        if (!failed) {
          waiting.add(m);
        }
        return Optional.empty();
      }
    }
    clusters.removeArchivedBefore(now.minus(retention));
    Optional<String> id = clusters.add(m);
    id.ifPresent(x -> assigned.increment());
    return id;
  }

  /** Follows re-decided tracks in or out of the clusters. */
  public void redecided(List<Redecision.Change> changes) {
    UnknownClusters c;
    synchronized (lock) {
      c = clusters;
      if (c == null) {
        // The rebuild reads the archive after these decisions were stored, or sees them later.
        for (Redecision.Change ch : changes) {
          waiting.removeIf(m -> m.trackId().equals(ch.track().trackId()));
          if (!ch.after().identified()) {
            waiting.add(ClusterMember.of(ch.track(), ch.after()));
          }
        }
        return;
      }
    }
    for (Redecision.Change ch : changes) {
      if (ch.after().identified()) {
        c.remove(ch.track().trackId());
      } else {
        c.add(ClusterMember.of(ch.track(), ch.after()));
      }
    }
  }

  /** Whether the clusters are rebuilt and assigned. */
  public boolean ready() {
    return clusters != null;
  }

  /**
   * The clusters (empty while they are rebuilt).
   *
   * @return the index
   */
  public Optional<UnknownClusters> clusters() {
    return Optional.ofNullable(clusters);
  }
}
