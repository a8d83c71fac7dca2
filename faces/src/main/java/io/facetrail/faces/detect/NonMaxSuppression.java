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
    List<Detection> sorted = new ArrayList<>(detections);
    sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    for (Detection d : sorted) {
      if (kept.size() >= maxResults) {
        break;
      }
      boolean suppressed = false;
      for (Detection k : kept) {
        if (k.box().iou(d.box()) > iouThreshold) {
          suppressed = true;
          break;
        }
      }
      if (!suppressed) {
        kept.add(d);
      }
    }
    return kept;
  }
}
