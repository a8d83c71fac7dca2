package io.facetrail.evaluation.quality;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.quality.Measure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs of two degraded faces in one half, as clusters of unknown faces and persons named from them
 * compare them: {@link QualityTally} judges a degraded face against a good reference photo only.
 *
 * <p>For each measure degraded, the faces of the half degraded along it or as they are (references
 * and probes alike) are pooled in the bucket of what was measured on them. Impostor pairs: any two
 * faces of different persons. Genuine pairs: a person's reference and probe degraded the same way
 * (both as they are included). A pair counts in a bucket ({@link #sameBucket}) when both its faces
 * measured into it; every pair also counts in the bucket of its worse face ({@link #byWorse}), so
 * that {@link #atOrAbove} gives what a floor on the measure lets through: the pairs both of whose
 * faces reach it. Yaw is not degraded and is left out.
 */
final class BothDegradedTally {
  static final List<Measure> MEASURES =
      List.of(Measure.FACE_HEIGHT, Measure.SHARPNESS, Measure.BRIGHTNESS);

  final Map<Measure, Map<Integer, PairCount>> sameBucket = new EnumMap<>(Measure.class);
  final Map<Measure, Map<Integer, PairCount>> byWorse = new EnumMap<>(Measure.class);
  private final double[] thresholds;

  private record Face(
      String person, boolean reference, Degradation degradation, int bucket, byte[] code) {}

  private record Key(String person, Degradation degradation) {}

  /**
   * @param half the coded rows of one half
   * @param thresholds the distance thresholds judged, each pair being accepted at or below one
   */
  BothDegradedTally(List<SampleRow> half, double[] thresholds) {
    this.thresholds = thresholds.clone();
    for (Measure m : MEASURES) {
      List<Face> pool = new ArrayList<>();
      for (SampleRow r : half) {
        if (r.found() && (r.measure() == null || r.measure() == m)) {
          int bucket = BucketEdges.index(m, m.value(r.measures()));
          pool.add(new Face(r.person(), r.reference(), r.degradation(), bucket, r.code()));
        }
      }
      Map<Integer, PairCount> same = new TreeMap<>();
      Map<Integer, PairCount> worse = new TreeMap<>();
      sameBucket.put(m, same);
      byWorse.put(m, worse);
      for (Face f : pool) {
        for (Map<Integer, PairCount> map : List.of(same, worse)) {
          PairCount c = count(map, f.bucket());
          c.faces++;
          c.persons.add(f.person());
        }
      }
      impostors(m, pool, same, worse);
      genuine(m, pool, same, worse);
    }
  }

  /** The pairs both of whose faces are in {@code floor}'s bucket of {@code m} or a better one. */
  PairCount atOrAbove(Measure m, int floor) {
    PairCount sum = new PairCount(thresholds.length);
    for (Map.Entry<Integer, PairCount> e : byWorse.get(m).entrySet()) {
      boolean reaches = m.higherIsBetter() ? e.getKey() >= floor : e.getKey() <= floor;
      if (reaches) {
        sum.add(e.getValue());
      }
    }
    return sum;
  }

  private void impostors(
      Measure m, List<Face> pool, Map<Integer, PairCount> same, Map<Integer, PairCount> worse) {
    for (int i = 0; i < pool.size(); i++) {
      Face a = pool.get(i);
      for (int j = i + 1; j < pool.size(); j++) {
        Face b = pool.get(j);
        if (a.person().equals(b.person())) {
          continue;
        }
        float d = FaceCode.distance(a.code(), b.code());
        if (a.bucket() == b.bucket()) {
          impostor(count(same, a.bucket()), d);
        }
        impostor(count(worse, worseOf(m, a.bucket(), b.bucket())), d);
      }
    }
  }

  private void genuine(
      Measure m, List<Face> pool, Map<Integer, PairCount> same, Map<Integer, PairCount> worse) {
    Map<Key, Face> references = new HashMap<>();
    for (Face f : pool) {
      if (f.reference()) {
        references.put(new Key(f.person(), f.degradation()), f);
      }
    }
    for (Face probe : pool) {
      Face ref =
          probe.reference() ? null : references.get(new Key(probe.person(), probe.degradation()));
      if (ref == null) {
        continue;
      }
      float d = FaceCode.distance(ref.code(), probe.code());
      if (ref.bucket() == probe.bucket()) {
        genuine(count(same, ref.bucket()), d);
      }
      genuine(count(worse, worseOf(m, ref.bucket(), probe.bucket())), d);
    }
  }

  private void impostor(PairCount c, float distance) {
    c.impostors++;
    for (int t = 0; t < thresholds.length; t++) {
      c.falseAccepts[t] += distance <= thresholds[t] ? 1 : 0;
    }
  }

  private void genuine(PairCount c, float distance) {
    c.genuine++;
    for (int t = 0; t < thresholds.length; t++) {
      c.accepted[t] += distance <= thresholds[t] ? 1 : 0;
    }
  }

  private PairCount count(Map<Integer, PairCount> map, int bucket) {
    return map.computeIfAbsent(bucket, k -> new PairCount(thresholds.length));
  }

  private static int worseOf(Measure m, int a, int b) {
    return m.higherIsBetter() ? Math.min(a, b) : Math.max(a, b);
  }
}
