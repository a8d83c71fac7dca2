package io.facetrail.faces.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression: keep the best box, drop those overlapping it, repeat. */
public final class NonMaxSuppression {
  private NonMaxSuppression() {}

  /**
   * @param iouThreshold boxes overlapping a kept one by more than this are dropped
   * @param maxResults at most this many are kept
   * @return kept detections, best first
   */
  public static List<Detection> apply(
      List<Detection> detections, float iouThreshold, int maxResults) {
    return apply(detections, new int[detections.size()], iouThreshold, iouThreshold, maxResults);
  }

  /**
   * Suppression of detections that come from several sources (passes over overlapping regions of
   * one image): two boxes of one source are one face above {@code sameSourceIou}, boxes of two
   * sources already above {@code crossSourceIou}, since two passes draw one face's box differently.
   *
   * @param sources the source of each detection, in the order of {@code detections}
   * @return kept detections, best first
   */
  public static List<Detection> apply(
      List<Detection> detections,
      int[] sources,
      float sameSourceIou,
      float crossSourceIou,
      int maxResults) {
    if (sources.length != detections.size()) {
      throw new IllegalArgumentException("one source per detection");
    }
    Integer[] order = new Integer[detections.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -detections.get((int) i).score()));
    List<Detection> kept = new ArrayList<>();
    List<Integer> keptSources = new ArrayList<>();
    for (int i : order) {
      if (kept.size() >= maxResults) {
        break;
      }
      Detection d = detections.get(i);
      boolean suppressed = false;
      for (int k = 0; k < kept.size() && !suppressed; k++) {
        float limit = keptSources.get(k) == sources[i] ? sameSourceIou : crossSourceIou;
        suppressed = kept.get(k).box().iou(d.box()) > limit;
      }
      if (!suppressed) {
        kept.add(d);
        keptSources.add(sources[i]);
      }
    }
    return kept;
  }
}
