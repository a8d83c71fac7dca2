package io.facetrail.api.clusters;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.cluster.Cluster;
import io.facetrail.matcher.cluster.ClusterMember;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clusters and their tracks as JSON objects: ids, counts, times and face URLs, never codes. */
final class ClusterViews {
  private ClusterViews() {}

  /** A cluster in a list: its counts, times and the face of its best track. */
  static Map<String, Object> summary(Cluster c, List<ClusterMember> members) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("tracks", c.size());
    m.put("streams", c.streams().stream().sorted().toList());
    m.put("firstArchived", c.firstArchived().toString());
    m.put("lastArchived", c.lastArchived().toString());
    m.put("goodFrames", c.goodFrames());
    m.put("thumbnailUrl", best(members).map(ClusterViews::thumbnailUrl).orElse(null));
    return m;
  }

  /**
   * One of a cluster's tracks as the archive holds it; a track gone from the archive since the
   * clusters were built (retention, erasure) says so.
   */
  static Map<String, Object> track(String trackId, Optional<ArchivedTrack> archived) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trackId", trackId);
    if (archived.isEmpty()) {
      m.put("archived", false);
      return m;
    }
    ArchivedTrack t = archived.get();
    m.put("archived", true);
    m.put("streamId", t.streamId());
    m.put("firstSeen", moment(t.firstSeen()));
    m.put("lastSeen", moment(t.lastSeen()));
    m.put("goodFrames", t.goodFrames());
    m.put("archivedAt", t.archivedAt().toString());
    m.put("thumbnailUrl", t.thumbnailJpeg().length > 0 ? thumbnailUrl(trackId) : null);
    return m;
  }

  /** The track whose face stands for the cluster: the most good frames, then the oldest. */
  static Optional<String> best(List<ClusterMember> members) {
    return members.stream()
        .max(
            Comparator.comparingInt(ClusterMember::goodFrames)
                .thenComparing(ClusterMember::archivedAt, Comparator.reverseOrder()))
        .map(ClusterMember::trackId);
  }

  /** The archive's face of a track, as {@code /api/v1/search} links it. */
  static String thumbnailUrl(String trackId) {
    return "/api/v1/archive/tracks/"
        + URLEncoder.encode(trackId, StandardCharsets.UTF_8).replace("%2F", "/")
        + "/thumbnail.jpg";
  }

  private static Map<String, Object> moment(Moment m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sequence", m.sequence());
    out.put("mediaTimeMs", m.mediaTimeUs() / 1000.0);
    out.put("capturedAt", Instant.ofEpochMilli(m.captureTimeMs()).toString());
    return out;
  }
}
