package io.facetrail.evaluation.clusters;

import java.util.List;
import java.util.Map;

/** Puts archived tracks into clusters, as the matcher does with its unknown tracks. */
@FunctionalInterface
public interface TrackClustering {
  /**
   * Clusters the tracks, added one by one in the given order (the order they were archived).
   *
   * @return cluster id per track id, after the last one was added; a track that was not eligible
   *     for any cluster is missing
   */
  Map<String, String> assign(List<FoldedTrack> tracks);
}
