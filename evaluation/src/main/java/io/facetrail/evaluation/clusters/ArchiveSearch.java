package io.facetrail.evaluation.clusters;

import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.index.SearchMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Where did this face appear": the archived tracks are loaded into the matcher's {@link
 * ArchiveIndex} (aggregate and best frames, as {@code facetrail search} does), and each person's
 * new photo searches it. Recall@10 is the share of the person's tracks in the top 10 (of at most 10
 * to find), averaged over people.
 */
final class ArchiveSearch {
  /** What was measured. */
  record Result(int queries, int archivedTracks, double recallAt10, double allFoundShare) {
    String json() {
      return String.format(
          Locale.ROOT,
          "\"queries\":%d,\"archived_tracks\":%d,\"recall_at_10\":%.4f,\"all_found_share\":%.4f",
          queries,
          archivedTracks,
          recallAt10,
          allFoundShare);
    }
  }

  private ArchiveSearch() {}

  /**
   * @param queries per person label, the code of their photo that no video shows; people without a
   *     track are not searched (there is nothing to find)
   */
  static Result run(List<FoldedTrack> tracks, Map<String, byte[]> queries, String modelId) {
    ArchiveIndex index = new ArchiveIndex(Thresholds.shipped(1e-3).comparable(), 50_000, 10_000);
    for (FoldedTrack t : tracks) {
      index.add(t.archived(), unknown(t.trackId()));
    }
    index.retrain();
    double recall = 0;
    int allFound = 0;
    int searched = 0;
    for (Map.Entry<String, byte[]> q : queries.entrySet()) {
      Set<String> relevant = new HashSet<>();
      for (FoldedTrack t : tracks) {
        if (t.truth().equals(q.getKey())) {
          relevant.add(t.trackId());
        }
      }
      if (relevant.isEmpty()) {
        continue;
      }
      searched++;
      int wanted = Math.min(10, relevant.size());
      int found = 0;
      for (ArchiveIndex.Hit hit : index.search(q.getValue(), modelId, 10, SearchMode.AUTO)) {
        if (relevant.contains(hit.entry().trackId())) {
          found++;
        }
      }
      recall += (double) found / wanted;
      if (found == wanted) {
        allFound++;
      }
    }
    return new Result(
        searched,
        index.size(),
        searched == 0 ? Double.NaN : recall / searched,
        searched == 0 ? Double.NaN : (double) allFound / searched);
  }

  /** The decision of a track nobody is enrolled as (the archive search does not read it). */
  private static TrackDecision unknown(String id) {
    return new TrackDecision(
        id,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0,
        List.of(),
        true,
        Instant.EPOCH,
        false,
        0);
  }
}
