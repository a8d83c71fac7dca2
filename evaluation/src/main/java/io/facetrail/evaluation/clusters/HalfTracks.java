package io.facetrail.evaluation.clusters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The archived tracks of one half's cameras, in the order they were archived (by the end of the
 * track, the cameras running side by side), and what it took to get them.
 *
 * @param appearances people walking through a camera (ground-truth tracks)
 * @param frames frames rendered over all cameras
 * @param confirmed confirmed tracks of the tracker
 * @param withoutPerson confirmed tracks covering nobody
 * @param notArchived confirmed tracks without a good frame (the archive keeps none of them)
 * @param queries each recurring person's query photo, by label
 */
record HalfTracks(
    PeopleSplit split,
    List<FoldedTrack> tracks,
    int appearances,
    int frames,
    int confirmed,
    int withoutPerson,
    int notArchived,
    int rejectedPhotos,
    Map<String, Path> queries,
    double seconds) {
  HalfTracks {
    List<FoldedTrack> sorted = new ArrayList<>(tracks);
    sorted.sort(
        Comparator.comparing((FoldedTrack t) -> t.archived().archivedAt())
            .thenComparing(FoldedTrack::trackId));
    tracks = List.copyOf(sorted);
    queries = Map.copyOf(queries);
  }

  /** Confirmed tracks per appearance: above 1 when the tracker split people, below when it lost. */
  double tracksPerAppearance() {
    return (double) confirmed / appearances;
  }

  String json() {
    return String.format(
        Locale.ROOT,
        "\"appearances\":%d,\"frames\":%d,\"confirmed_tracks\":%d,\"tracks_per_appearance\":%.3f,"
            + "\"tracks_covering_nobody\":%d,\"tracks_not_archived\":%d,\"archived_tracks\":%d,"
            + "\"photos_rejected\":%d,\"video_seconds\":%.1f",
        appearances,
        frames,
        confirmed,
        tracksPerAppearance(),
        withoutPerson,
        notArchived,
        tracks.size(),
        rejectedPhotos,
        seconds);
  }
}
