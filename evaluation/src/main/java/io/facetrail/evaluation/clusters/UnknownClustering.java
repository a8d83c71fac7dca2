package io.facetrail.evaluation.clusters;

import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.cluster.ClusterMember;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.cluster.UnknownClusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matcher's own clustering of unknown tracks ({@link UnknownClusters} with the shipped
 * calibration tables), fed as {@code LiveClusters} feeds it: each track as it is archived, with no
 * cluster id given yet.
 */
final class UnknownClustering implements TrackClustering {
  private final ClusterSettings settings;

  UnknownClustering(ClusterSettings settings) {
    this.settings = settings;
  }

  /** {@code base} at another link FPIR. */
  static UnknownClustering at(ClusterSettings base, double linkFpir) {
    return new UnknownClustering(base.withLinkFpir(linkFpir));
  }

  @Override
  public Map<String, String> assign(List<FoldedTrack> tracks) {
    UnknownClusters clusters = UnknownClusters.shipped(settings);
    for (FoldedTrack t : tracks) {
      ArchivedTrack a = t.archived();
      clusters.add(
          new ClusterMember(
              a.trackId(),
              a.streamId(),
              a.modelId(),
              a.aggregate(),
              a.goodFrames(),
              a.archivedAt(),
              null,
              a.firstSeen().sequence(),
              a.lastSeen().sequence(),
              a.faceQuality()));
    }
    // Ids as they stand after the last track: merges may have changed earlier answers.
    Map<String, String> out = new LinkedHashMap<>();
    for (FoldedTrack t : tracks) {
      clusters.clusterOf(t.trackId()).ifPresent(id -> out.put(t.trackId(), id));
    }
    return out;
  }

  /** The configuration as JSON members. */
  String json() {
    return String.format(
        Locale.ROOT,
        "\"link_fpir\":%s,\"join_share\":%s,\"min_good_frames\":%d,\"neighbours\":%d,"
            + "\"min_face_height_px\":%s,\"min_sharpness\":%s,\"min_brightness\":%s",
        settings.linkFpir(),
        settings.joinShare(),
        settings.minGoodFrames(),
        settings.neighbours(),
        settings.minFaceHeightPx(),
        settings.minSharpness(),
        settings.minBrightness());
  }
}
