package io.facetrail.evaluation.clusters;

import java.util.List;
import java.util.Optional;

/**
 * Picks the link FPIR from the tuning half's sweep by the targets, so that the report half
 * is scored at a value chosen without looking at it: the highest BCubed F among the rates whose
 * BCubed precision reaches {@link #MIN_PRECISION} (ties: the lower rate, the stricter links).
 */
final class LinkChoice {
  /** The precision target for the clusters. */
  static final double MIN_PRECISION = 0.98;

  private LinkChoice() {}

  static Optional<Double> best(List<SweepChart.Point> sweep) {
    SweepChart.Point best = null;
    for (SweepChart.Point p : sweep) {
      if (p.scores().bcubedPrecision() < MIN_PRECISION) {
        continue;
      }
      if (best == null
          || p.scores().bcubedF() > best.scores().bcubedF()
          || (p.scores().bcubedF() == best.scores().bcubedF() && p.linkFpir() < best.linkFpir())) {
        best = p;
      }
    }
    return Optional.ofNullable(best).map(SweepChart.Point::linkFpir);
  }
}
