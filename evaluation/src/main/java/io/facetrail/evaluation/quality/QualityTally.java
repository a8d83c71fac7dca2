package io.facetrail.evaluation.quality;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.quality.Measure;
import io.facetrail.faces.quality.QualityGate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges every probe of one half at the threshold: against its own person's reference (genuine) and
 * against every other person's reference of the half (impostors), counted per degradation and per
 * measured bucket. A measure's buckets count the photos degraded along it and the photos as they
 * are; yaw, which is not degraded, counts the photos as they are only. Probes without a face count
 * as photos in their degradation, never in a bucket (the gate only sees faces that were found).
 */
final class QualityTally {
  final Map<String, Count> byDegradation = new LinkedHashMap<>();
  final Map<Measure, Map<Integer, Count>> byBucket = new EnumMap<>(Measure.class);
  private final List<Judged> judged = new ArrayList<>();

  /** One probe with a face: its measures and how it was judged. */
  record Judged(SampleRow row, boolean accepted, long impostors, long falseAccepts) {}

  QualityTally(List<SampleRow> half, double threshold) {
    Map<String, byte[]> references = new TreeMap<>();
    for (SampleRow r : half) {
      // Degraded references belong to the both-degraded measurement only (BothDegradedTally).
      if (r.reference() && r.found() && r.measure() == null) {
        references.put(r.person(), r.code());
      }
    }
    for (Measure m : Measure.values()) {
      byBucket.put(m, new TreeMap<>());
    }
    for (SampleRow r : half) {
      byte[] own = references.get(r.person());
      if (r.reference() || own == null) {
        continue;
      }
      Count c = new Count();
      c.photos = 1;
      if (r.found()) {
        c.faces = 1;
        c.genuine = 1;
        c.accepted = FaceCode.distance(own, r.code()) <= threshold ? 1 : 0;
        for (Map.Entry<String, byte[]> other : references.entrySet()) {
          if (!other.getKey().equals(r.person())) {
            c.impostors++;
            c.falseAccepts += FaceCode.distance(other.getValue(), r.code()) <= threshold ? 1 : 0;
          }
        }
        judged.add(new Judged(r, c.accepted == 1, c.impostors, c.falseAccepts));
        for (Measure m : Measure.values()) {
          boolean counts = r.measure() == m || (r.measure() == null);
          if (counts) {
            int b = BucketEdges.index(m, m.value(r.measures()));
            byBucket.get(m).computeIfAbsent(b, k -> new Count()).add(c);
          }
        }
      }
      byDegradation.computeIfAbsent(r.degradation().label(), k -> new Count()).add(c);
    }
  }

  /** Probes kept and refused by a gate, and their acceptance. */
  record GateOutcome(Count kept, Count refused, Map<Measure, Long> refusedBy) {}

  GateOutcome outcome(QualityGate gate) {
    Count kept = new Count();
    Count refused = new Count();
    Map<Measure, Long> by = new EnumMap<>(Measure.class);
    for (Judged j : judged) {
      Count c = new Count();
      c.photos = 1;
      c.faces = 1;
      c.genuine = 1;
      c.accepted = j.accepted() ? 1 : 0;
      c.impostors = j.impostors();
      c.falseAccepts = j.falseAccepts();
      var failing = gate.failing(j.row().measures());
      (failing.isPresent() ? refused : kept).add(c);
      failing.ifPresent(m -> by.merge(m, 1L, Long::sum));
    }
    return new GateOutcome(kept, refused, by);
  }

  /** The same split by the older single quality score (FaceQuality) at {@code minQuality}. */
  GateOutcome outcomeOfScore(double minQuality) {
    Count kept = new Count();
    Count refused = new Count();
    for (Judged j : judged) {
      Count c = new Count();
      c.photos = 1;
      c.faces = 1;
      c.genuine = 1;
      c.accepted = j.accepted() ? 1 : 0;
      c.impostors = j.impostors();
      c.falseAccepts = j.falseAccepts();
      (j.row().quality() >= minQuality ? kept : refused).add(c);
    }
    return new GateOutcome(kept, refused, Map.of());
  }
}
