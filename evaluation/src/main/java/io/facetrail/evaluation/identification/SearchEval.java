package io.facetrail.evaluation.identification;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.aggregate.EmbeddingMean;
import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.index.SearchMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Search recall of the track archive on LFW: each queried person's later photos are archived as
 * tracks of up to {@code faces} photos (folded as the matcher folds a track: the quality-weighted
 * mean, plus each photo's code as a best frame), among distractor tracks of other people; one new
 * photo of the person (their first) searches the archive; recall@k is the share of their tracks in
 * the top k (of at most k to find).
 */
final class SearchEval {
  /** What was measured. */
  record Result(
      int queries,
      int archivedTracks,
      double recallAt10,
      double allFoundShare,
      double rPrecision,
      double meanSearchMs) {}

  private SearchEval() {}

  static Result run(
      Map<String, List<Path>> queried,
      List<Path> distractors,
      Function<Path, Optional<CachedFace>> faces,
      String modelId,
      int facesPerTrack,
      boolean withBestFrames) {
    ArchiveIndex index =
        new ArchiveIndex(
            io.facetrail.matcher.decision.Thresholds.shipped(1e-3).comparable(), 50_000, 10_000);
    Map<String, Set<String>> tracksOf = new LinkedHashMap<>();
    Map<String, CachedFace> queries = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<String, List<Path>> e : queried.entrySet()) {
      List<Path> photos = e.getValue();
      Optional<CachedFace> query = faces.apply(photos.get(0));
      if (query.isEmpty()) {
        continue;
      }
      Set<String> ids = new HashSet<>();
      for (int from = 1; from < photos.size(); from += facesPerTrack) {
        List<CachedFace> track = new ArrayList<>();
        for (Path p : photos.subList(from, Math.min(photos.size(), from + facesPerTrack))) {
          faces.apply(p).ifPresent(track::add);
        }
        if (!track.isEmpty()) {
          String id = e.getKey() + "/t" + (n++);
          index.add(track(id, modelId, track, withBestFrames), unknown(id));
          ids.add(id);
        }
      }
      if (!ids.isEmpty()) {
        tracksOf.put(e.getKey(), ids);
        queries.put(e.getKey(), query.get());
      }
    }
    for (Path p : distractors) {
      Optional<CachedFace> f = faces.apply(p);
      if (f.isPresent()) {
        String id = "distractor/t" + (n++);
        index.add(track(id, modelId, List.of(f.get()), withBestFrames), unknown(id));
      }
    }
    index.retrain();
    double recall = 0;
    double rPrecision = 0;
    int allFound = 0;
    long searchNanos = 0;
    for (Map.Entry<String, CachedFace> q : queries.entrySet()) {
      Set<String> relevant = tracksOf.get(q.getKey());
      long t0 = System.nanoTime();
      List<ArchiveIndex.Hit> top =
          index.search(
              q.getValue().code(), modelId, Math.max(10, relevant.size()), SearchMode.AUTO);
      searchNanos += System.nanoTime() - t0;
      int in10 = 0;
      int inR = 0;
      for (int i = 0; i < top.size(); i++) {
        boolean hit = relevant.contains(top.get(i).entry().trackId());
        if (hit && i < 10) {
          in10++;
        }
        if (hit && i < relevant.size()) {
          inR++;
        }
      }
      recall += (double) in10 / Math.min(10, relevant.size());
      rPrecision += (double) inR / relevant.size();
      if (in10 == Math.min(10, relevant.size())) {
        allFound++;
      }
    }
    int qn = queries.size();
    return new Result(
        qn,
        index.size(),
        recall / qn,
        (double) allFound / qn,
        rPrecision / qn,
        searchNanos / 1e6 / Math.max(1, qn));
  }

  private static ArchivedTrack track(
      String id, String modelId, List<CachedFace> faces, boolean withBestFrames) {
    EmbeddingMean mean = new EmbeddingMean();
    List<byte[]> best = new ArrayList<>();
    for (CachedFace f : faces) {
      mean.add(f.embedding(), Math.max(0.05, f.quality()));
      if (withBestFrames && best.size() < ArchivedTrack.MAX_BEST_FRAMES && faces.size() > 1) {
        best.add(f.code());
      }
    }
    Moment t = new Moment(0, 0, 0);
    return new ArchivedTrack(
        id,
        id.substring(0, id.indexOf('/')),
        modelId,
        t,
        t,
        Instant.EPOCH,
        faces.size(),
        mean.code(),
        best,
        new byte[0],
        Map.of());
  }

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
