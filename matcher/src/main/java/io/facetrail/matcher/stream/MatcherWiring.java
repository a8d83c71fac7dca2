package io.facetrail.matcher.stream;

import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.ModelCompatibility;
import io.facetrail.matcher.sync.GallerySync;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;

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
    Gallery gallery, GalleryIndex index, GallerySync sync, MatcherDependencies dependencies)
    implements AutoCloseable {

  /**
   * Opens the gallery named by {@code gallery} and starts following it.
   *
   * @param thresholds usually {@link Thresholds#shipped}
   * @param pendingCheck how often deferred decisions are retried
   */
  public static MatcherWiring open(
      GallerySettings gallery,
      DecisionPolicy policy,
      Thresholds thresholds,
      Duration pendingCheck,
      Clock clock,
      MeterRegistry registry) {
    Gallery store = GalleryStores.open(gallery, clock);
    GalleryIndex index =
        new GalleryIndex(
            ModelCompatibility.sameModelOnly(),
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
            new MatcherMetrics(registry));
    return new MatcherWiring(store, index, sync, deps);
  }

  /**
   * As {@link #open(GallerySettings, DecisionPolicy, Thresholds, Duration, Clock, MeterRegistry)}.
   */
  public static MatcherWiring open(
      MatcherConfig config, Thresholds thresholds, Clock clock, MeterRegistry registry) {
    return open(
        config.gallery(),
        new DecisionPolicy(config.decision()),
        thresholds,
        config.pendingCheck(),
        clock,
        registry);
  }

  @Override
  public void close() {
    sync.close();
    gallery.close();
  }
}
