package io.facetrail.api.clusters;

import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.ArchivedClusters;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.Thresholds;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The clusters of the archive's unknown tracks, rebuilt from the archive (every unknown track read
 * and linked, as {@code facetrail clusters} does) and reused for a short while: a console page asks
 * for the list, then a cluster, then the list again, and each rebuild reads the whole archive. Only
 * the last one is kept, and a naming drops it (it changed the archive). Changes made elsewhere (the
 * pipeline, the CLI) are seen once it is older than {@link #REUSE_FOR}.
 */
final class ClusterSnapshots {
  /** How long one rebuild answers for. */
  static final Duration REUSE_FOR = Duration.ofSeconds(10);

  private final ClusterSettings settings;
  private final Thresholds calibration;
  private final LongSupplier nanoTime;
  private UnknownClusters last;
  private long loadedAt;

  ClusterSnapshots(ClusterSettings settings, Thresholds calibration, LongSupplier nanoTime) {
    this.settings = settings;
    this.calibration = calibration;
    this.nanoTime = nanoTime;
  }

  /** The clusters of {@code archive}: the last ones when recent enough, else rebuilt. */
  synchronized UnknownClusters of(TrackArchive archive) {
    long now = nanoTime.getAsLong();
    if (last == null || now - loadedAt > REUSE_FOR.toNanos()) {
      last = ArchivedClusters.load(archive, settings, calibration);
      loadedAt = now;
    }
    return last;
  }

  /** Forgets the last clusters (the archive's decisions changed). */
  synchronized void invalidate() {
    last = null;
  }
}
