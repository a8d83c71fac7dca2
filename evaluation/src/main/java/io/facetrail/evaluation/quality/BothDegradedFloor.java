package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.Measure;
import java.util.Map;

/**
 * The floor on a measure that keeps false accepts between two degraded faces near the target: the
 * worst bucket from which every better bucket keeps its both-degraded FAR within {@link
 * #MAX_FAR_OVER_TARGET} times the target. A bucket with fewer than 1/target impostor pairs could
 * not show even one false accept at the target rate, so it neither passes nor stops the walk.
 */
final class BothDegradedFloor {
  static final double MAX_FAR_OVER_TARGET = 3;

  private BothDegradedFloor() {}

  /**
   * The floor's bucket index, or -1 when even the best bucket with evidence fails or no bucket has
   * evidence.
   *
   * @param sameBucket pairs per bucket whose two faces both measured into it
   * @param t the index of the threshold judged in the counts
   * @param target the FAR that threshold was calibrated for
   */
  static int of(Measure m, Map<Integer, PairCount> sameBucket, int t, double target) {
    int n = BucketEdges.of(m).length;
    int floor = -1;
    for (int k = 0; k < n; k++) {
      int bucket = m.higherIsBetter() ? n - 1 - k : k;
      PairCount c = sameBucket.get(bucket);
      if (c == null || c.impostors < 1 / target) {
        continue;
      }
      if (c.falseAcceptRate(t) > MAX_FAR_OVER_TARGET * target) {
        break;
      }
      floor = bucket;
    }
    return floor;
  }

  /** The largest FAR over target among the buckets at or better than {@code floor} with pairs. */
  static double worstRatio(
      Measure m, Map<Integer, PairCount> sameBucket, int floor, int t, double target) {
    double worst = Double.NaN;
    for (Map.Entry<Integer, PairCount> e : sameBucket.entrySet()) {
      boolean reaches = m.higherIsBetter() ? e.getKey() >= floor : e.getKey() <= floor;
      if (reaches && e.getValue().impostors > 0) {
        double r = e.getValue().falseAcceptRate(t) / target;
        worst = Double.isNaN(worst) ? r : Math.max(worst, r);
      }
    }
    return worst;
  }
}
