package io.facetrail.matcher.cli;

import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.ArchivedClusters;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherWiring;
import io.facetrail.runtime.cli.UserFacingException;

/** The clusters commands' shared step: the clusters of an archive's unknown tracks. */
final class ClusterLoading {
  private ClusterLoading() {}

  /** The configuration's calibration thresholds, or a user-facing error naming the problem. */
  static Thresholds thresholds(MatcherConfig config) {
    try {
      return MatcherWiring.thresholds(config);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  /** The clusters of {@code archive} under the configuration's {@code clusters.*}. */
  static UnknownClusters load(TrackArchive archive, MatcherConfig config, Thresholds thresholds) {
    ClusterSettings settings = config.clusters();
    if (!settings.enabled()) {
      throw new UserFacingException(
          "clustering of unknown faces is off (clusters.enabled: false in the configuration)");
    }
    return ArchivedClusters.load(archive, settings, thresholds);
  }
}
