package io.facetrail.matcher.stream;

import io.facetrail.matcher.archive.ArchiveSink;
import io.facetrail.matcher.cluster.LiveClusters;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the matcher topology needs from outside: the gallery index (kept current by the caller),
 * whether it is confirmed current, thresholds, the decision policy, a clock and metrics.
 *
 * @param index the gallery index searched for each decision
 * @param galleryFresh whether the index is confirmed current; decisions wait while it is not
 * @param thresholds distance thresholds per model id for the configured FAR
 * @param policy the decision policy
 * @param search how to search the index
 * @param pendingCheck how often held-back decisions are retried
 * @param clock for {@code emittedAt} and retention
 * @param metrics the matcher's meters
 * @param archive where ended tracks are archived ({@link ArchiveSink#NONE}: nowhere)
 * @param clusters the clusters unknown tracks join (empty: unknown tracks are not clustered)
 */
public record MatcherDependencies(
    GalleryIndex index,
    BooleanSupplier galleryFresh,
    Thresholds thresholds,
    DecisionPolicy policy,
    SearchMode search,
    Duration pendingCheck,
    Clock clock,
    MatcherMetrics metrics,
    ArchiveSink archive,
    Optional<LiveClusters> clusters) {
  public MatcherDependencies {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(galleryFresh, "galleryFresh");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(pendingCheck, "pendingCheck");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** Dependencies of a matcher that clusters nothing. */
  public MatcherDependencies(
      GalleryIndex index,
      BooleanSupplier galleryFresh,
      Thresholds thresholds,
      DecisionPolicy policy,
      SearchMode search,
      Duration pendingCheck,
      Clock clock,
      MatcherMetrics metrics,
      ArchiveSink archive) {
    this(
        index,
        galleryFresh,
        thresholds,
        policy,
        search,
        pendingCheck,
        clock,
        metrics,
        archive,
        Optional.empty());
  }

  /** Dependencies of a matcher that archives nothing. */
  public MatcherDependencies(
      GalleryIndex index,
      BooleanSupplier galleryFresh,
      Thresholds thresholds,
      DecisionPolicy policy,
      SearchMode search,
      Duration pendingCheck,
      Clock clock,
      MatcherMetrics metrics) {
    this(
        index,
        galleryFresh,
        thresholds,
        policy,
        search,
        pendingCheck,
        clock,
        metrics,
        ArchiveSink.NONE);
  }
}
