package io.facetrail.evaluation.tracking;

import io.facetrail.tracker.track.Appearance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Face-code distances seen in an evaluation: between detections of the same person in consecutive
 * frames, and between different people in the same frame. They show where the tracker's appearance
 * gates sit relative to what the face model actually produces.
 */
final class AppearanceStats {
  private final List<Double> same = new ArrayList<>();
  private final List<Double> different = new ArrayList<>();

  void same(float[] a, float[] b) {
    same.add(Appearance.distance(a, b));
  }

  void different(float[] a, float[] b) {
    different.add(Appearance.distance(a, b));
  }

  void addAll(AppearanceStats o) {
    same.addAll(o.same);
    different.addAll(o.different);
  }

  /** JSON fields (without braces) with percentiles of both distributions. */
  String json() {
    return String.format(
        Locale.ROOT,
        "\"same_person_pairs\":%d,\"same_person_distance_p50\":%.3f,"
            + "\"same_person_distance_p95\":%.3f,\"same_person_distance_max\":%.3f,"
            + "\"other_person_pairs\":%d,\"other_person_distance_min\":%.3f,"
            + "\"other_person_distance_p5\":%.3f,\"other_person_distance_p50\":%.3f",
        same.size(),
        percentile(same, 50),
        percentile(same, 95),
        percentile(same, 100),
        different.size(),
        percentile(different, 0),
        percentile(different, 5),
        percentile(different, 50));
  }

  private static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.round(p / 100 * (sorted.size() - 1));
    return sorted.get(i);
  }
}
