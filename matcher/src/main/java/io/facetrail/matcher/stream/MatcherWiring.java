package io.facetrail.matcher.stream;

import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.archive.ArchiveSink;
import io.facetrail.matcher.archive.ArchiveWriter;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackArchives;
import io.facetrail.matcher.cluster.ArchivedClusters;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.cluster.LiveClusters;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.sync.GallerySync;
import io.facetrail.matcher.trained.ModelFolders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher's moving parts outside Kafka Streams: the gallery store, the index, the thread that
 * keeps the index current, and the dependencies of the topology. The standalone service and the
 * all-in-one mode (which adds {@link MatcherTopology#addTo} to its own builder) both start here.
 *
 * @param gallery the store
 * @param index the in-memory index
 * @param sync follows the store into the index (started)
 * @param dependencies what {@link MatcherTopology} needs
 */
public record MatcherWiring(
    Gallery gallery,
    GalleryIndex index,
    GallerySync sync,
    MatcherDependencies dependencies,
    Optional<TrackArchive> archive,
    Optional<ArchiveWriter> archiveWriter)
    implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MatcherWiring.class);

  /**
   * Opens the gallery named by {@code gallery} and starts following it. The index compares the
   * pairs of models {@code thresholds} can decide ({@link Thresholds#comparable}).
   *
   * @param thresholds usually {@link #thresholds(MatcherConfig)}
   * @param pendingCheck how often deferred decisions are retried
   * @param archiveSettings where ended tracks are archived
   * @param clusterSettings how unknown tracks are clustered (with an archive only)
   */
  public static MatcherWiring open(
      GallerySettings gallery,
      DecisionPolicy policy,
      Thresholds thresholds,
      Duration pendingCheck,
      ArchiveSettings archiveSettings,
      ClusterSettings clusterSettings,
      Clock clock,
      MeterRegistry registry) {
    Optional<TrackArchive> archive = TrackArchives.open(archiveSettings, gallery);
    Optional<LiveClusters> clusters =
        archive
            .filter(a -> clusterSettings.enabled())
            .map(
                a ->
                    LiveClusters.loading(
                        () -> ArchivedClusters.load(a, clusterSettings, thresholds),
                        archiveSettings.retention(),
                        registry));
    Optional<ArchiveWriter> writer =
        archive.map(a -> new ArchiveWriter(a, archiveSettings, clock, registry));
    Gallery store;
    try {
      store = GalleryStores.open(gallery, clock);
    } catch (RuntimeException e) {
      writer.ifPresent(ArchiveWriter::close);
      archive.ifPresent(TrackArchive::close);
      throw e;
    }
    GalleryIndex index =
        new GalleryIndex(
            thresholds.comparable(),
            ForkJoinPool.commonPool(),
            gallery.fastThreshold(),
            gallery.fastCandidates());
    GallerySync sync =
        new GallerySync(
            store,
            index,
            gallery.pollInterval(),
            gallery.maxStaleness(),
            System::nanoTime,
            registry);
    sync.start();
    MatcherDependencies deps =
        new MatcherDependencies(
            index,
            sync::isFresh,
            thresholds,
            policy,
            gallery.search(),
            pendingCheck,
            clock,
            new MatcherMetrics(registry),
            writer.<ArchiveSink>map(w -> w).orElse(ArchiveSink.NONE),
            clusters);
    return new MatcherWiring(store, index, sync, deps, archive, writer);
  }

  /**
   * Thresholds at the configured FPIR (or the expert per-comparison FAR) from the shipped tables
   * and the configured model folders ({@code gallery.models}). Declared pairs without a table are
   * logged: their codes are not compared.
   *
   * @throws IllegalArgumentException when a model folder cannot be read
   */
  public static Thresholds thresholds(MatcherConfig config) {
    ModelFolders models = ModelFolders.load(config.gallery().models());
    Thresholds t = Thresholds.of(DecisionRate.of(config.decision()), models);
    log.info("Identity decisions at {}", t.rate());
    for (String problem : t.uncalibrated(models)) {
      log.warn("Not compared: {}", problem);
    }
    return t;
  }

  /**
   * As {@link #open(GallerySettings, DecisionPolicy, Thresholds, Duration, ArchiveSettings,
   * ClusterSettings, Clock, MeterRegistry)}, with {@link #thresholds(MatcherConfig)}.
   */
  public static MatcherWiring open(MatcherConfig config, Clock clock, MeterRegistry registry) {
    return open(config, thresholds(config), clock, registry);
  }

  /**
   * As {@link #open(GallerySettings, DecisionPolicy, Thresholds, Duration, ArchiveSettings,
   * ClusterSettings, Clock, MeterRegistry)}.
   */
  public static MatcherWiring open(
      MatcherConfig config, Thresholds thresholds, Clock clock, MeterRegistry registry) {
    return open(
        config.gallery(),
        new DecisionPolicy(config.decision()),
        thresholds,
        config.pendingCheck(),
        config.archive(),
        config.clusters(),
        clock,
        registry);
  }

  @Override
  public void close() {
    sync.close();
    // The writer drains its queue before the archive closes.
    archiveWriter.ifPresent(ArchiveWriter::close);
    archive.ifPresent(TrackArchive::close);
    gallery.close();
  }
}
