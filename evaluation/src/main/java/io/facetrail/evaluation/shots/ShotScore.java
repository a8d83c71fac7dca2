package io.facetrail.evaluation.shots;

import io.facetrail.shots.ShotBoundary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Matches detected boundaries to true ones: a detection within a transition's frames (one frame of
 * slack either side) finds it; each true boundary is found at most once. Every other detection is a
 * false boundary in the strict count; in the transition count, a detection inside a transition
 * already found (a whip pan seen where the camera leaves and again where it lands) is part of that
 * transition, not false.
 */
record ShotScore(
    int truths,
    int found,
    int falseBoundaries,
    int repeats,
    Map<ShotPlan.Transition, int[]> byKind,
    List<Long> falseAt,
    List<String> falseKinds,
    List<Integer> missedAt) {

  static ShotScore of(List<ShotVideo.Truth> truth, List<ShotBoundary> detected) {
    boolean[] used = new boolean[detected.size()];
    Map<ShotPlan.Transition, int[]> byKind = new EnumMap<>(ShotPlan.Transition.class);
    List<Integer> missed = new ArrayList<>();
    int found = 0;
    for (ShotVideo.Truth t : truth) {
      int[] counts = byKind.computeIfAbsent(t.kind(), k -> new int[2]);
      counts[0]++;
      boolean hit = false;
      for (int i = 0; i < detected.size() && !hit; i++) {
        long at = detected.get(i).frameIndex();
        if (!used[i] && at >= t.first() - 1 && at <= t.last() + 1) {
          used[i] = true;
          hit = true;
        }
      }
      if (hit) {
        found++;
        counts[1]++;
      } else {
        missed.add(t.first());
      }
    }
    List<Long> falseAt = new ArrayList<>();
    List<String> falseKinds = new ArrayList<>();
    int repeats = 0;
    for (int i = 0; i < detected.size(); i++) {
      if (!used[i]) {
        ShotBoundary b = detected.get(i);
        if (insideFound(truth, detected, used, b.frameIndex())) {
          repeats++;
          continue;
        }
        falseAt.add(b.frameIndex());
        falseKinds.add(
            String.format(
                java.util.Locale.ROOT,
                "%s %.2f",
                b.kind().name().toLowerCase(java.util.Locale.ROOT),
                b.score()));
      }
    }
    return new ShotScore(
        truth.size(), found, falseAt.size(), repeats, byKind, falseAt, falseKinds, missed);
  }

  /** Whether {@code at} lies in a transition that another detection already found. */
  private static boolean insideFound(
      List<ShotVideo.Truth> truth, List<ShotBoundary> detected, boolean[] used, long at) {
    for (ShotVideo.Truth t : truth) {
      if (at >= t.first() - 1 && at <= t.last() + 1) {
        for (int i = 0; i < detected.size(); i++) {
          long d = detected.get(i).frameIndex();
          if (used[i] && d >= t.first() - 1 && d <= t.last() + 1) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Found transitions over transitions found plus false boundaries. */
  double precision() {
    int detections = found + falseBoundaries;
    return detections == 0 ? 1 : (double) found / detections;
  }

  /** As {@link #precision()}, with every repeat inside a found transition counted false too. */
  double strictPrecision() {
    int detections = found + falseBoundaries + repeats;
    return detections == 0 ? 1 : (double) found / detections;
  }

  double recall() {
    return truths == 0 ? 1 : (double) found / truths;
  }

  ShotScore plus(ShotScore o) {
    Map<ShotPlan.Transition, int[]> kinds = new EnumMap<>(ShotPlan.Transition.class);
    for (var m : List.of(byKind, o.byKind)) {
      m.forEach(
          (k, v) -> {
            int[] c = kinds.computeIfAbsent(k, x -> new int[2]);
            c[0] += v[0];
            c[1] += v[1];
          });
    }
    return new ShotScore(
        truths + o.truths,
        found + o.found,
        falseBoundaries + o.falseBoundaries,
        repeats + o.repeats,
        kinds,
        List.of(),
        List.of(),
        List.of());
  }
}
