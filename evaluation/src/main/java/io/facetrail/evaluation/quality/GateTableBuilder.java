package io.facetrail.evaluation.quality;

import io.facetrail.faces.quality.GateTable;
import io.facetrail.faces.quality.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the fit half's buckets into the shipped {@link GateTable}. The acceptance the gate uses is
 * made monotone (pool-adjacent violators, weighted by the genuine pairs of each bucket): a smaller,
 * darker, more blurred or more turned face is never credited with more than a better one, so a
 * noisy bucket cannot open a hole in the gate. A bucket without genuine pairs takes the acceptance
 * of its worse neighbour (the cautious side); buckets worse than every measured one take the worst
 * measured acceptance (nothing was measured there, so nothing is refused on their account).
 */
final class GateTableBuilder {
  private GateTableBuilder() {}

  static GateTable build(
      String modelId,
      String source,
      double far,
      double threshold,
      double floor,
      Map<Measure, Map<Integer, Count>> buckets) {
    List<GateTable.MeasureBuckets> measures = new ArrayList<>();
    for (Measure m : Measure.values()) {
      double[] edges = BucketEdges.of(m);
      Count[] counts = new Count[edges.length];
      for (int i = 0; i < edges.length; i++) {
        counts[i] = buckets.get(m).getOrDefault(i, new Count());
      }
      double[] tar = monotone(counts, m.higherIsBetter());
      List<GateTable.Bucket> out = new ArrayList<>();
      for (int i = 0; i < edges.length; i++) {
        Count c = counts[i];
        out.add(
            new GateTable.Bucket(
                edges[i], c.genuine, c.accepted, tar[i], c.impostors, c.falseAccepts));
      }
      measures.add(new GateTable.MeasureBuckets(m, out));
    }
    return new GateTable(modelId, source, far, threshold, floor, measures);
  }

  /** Acceptance per bucket, non-decreasing towards the better end. */
  static double[] monotone(Count[] counts, boolean higherIsBetter) {
    int n = counts.length;
    // Work from worst to best, so the sequence must be non-decreasing.
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = higherIsBetter ? i : n - 1 - i;
    }
    List<double[]> blocks = new ArrayList<>(); // {sum accepted, sum genuine, first, last}
    for (int k = 0; k < n; k++) {
      Count c = counts[order[k]];
      if (c.genuine == 0) {
        continue;
      }
      blocks.add(new double[] {c.accepted, c.genuine, k, k});
      while (blocks.size() > 1) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] prev = blocks.get(blocks.size() - 2);
        if (prev[0] / prev[1] <= last[0] / last[1]) {
          break;
        }
        prev[0] += last[0];
        prev[1] += last[1];
        prev[3] = last[3];
        blocks.remove(blocks.size() - 1);
      }
    }
    double[] sorted = new double[n];
    java.util.Arrays.fill(sorted, Double.NaN);
    for (double[] b : blocks) {
      for (int k = (int) b[2]; k <= (int) b[3]; k++) {
        sorted[k] = b[0] / b[1];
      }
    }
    // Empty buckets: the worse neighbour's value; empty buckets beyond the worst measured one take
    // its value: a gate refuses faces measured to be weak, never faces nobody measured (that would
    // refuse every turned face when no turned face was in the sample).
    double carry = Double.NaN;
    for (int k = 0; k < n; k++) {
      if (Double.isNaN(sorted[k])) {
        sorted[k] = carry;
      } else {
        carry = sorted[k];
      }
    }
    int firstMeasured = 0;
    while (firstMeasured < n && Double.isNaN(sorted[firstMeasured])) {
      firstMeasured++;
    }
    for (int k = 0; k < firstMeasured; k++) {
      sorted[k] = firstMeasured < n ? sorted[firstMeasured] : 1.0;
    }
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[order[k]] = sorted[k];
    }
    return out;
  }
}
