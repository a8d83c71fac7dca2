package io.facetrail.matcher.decision;

/**
 * The link between a false-positive identification rate (FPIR: the share of track decisions about
 * never-enrolled persons that name somebody) and the per-comparison false-accept rate (FAR) of a
 * gallery of N persons. A stranger is named when at least one of the N persons lies within the
 * threshold, so with independent comparisons {@code FPIR = 1 - (1 - FAR)^N}. Comparisons of one
 * query are not independent (they share the query's noise), and the margin test to the
 * second-nearest person rejects some of these accepts, both of which make the rule conservative:
 * the measured FPIR is at most the nominal one, as long as the calibrated FAR holds for the query
 * kind (matcher/README.md gives the measurement on never-enrolled LFW identities).
 */
public final class OpenSetRule {
  private OpenSetRule() {}

  /**
   * The per-comparison FAR that gives {@code fpir} against {@code persons} persons. A gallery of 0
   * or 1 person needs FAR = FPIR.
   */
  public static double falseAcceptRate(double fpir, int persons) {
    if (!(fpir > 0 && fpir < 1)) {
      throw new IllegalArgumentException("fpir must be in (0, 1), got " + fpir);
    }
    int n = Math.max(1, persons);
    // 1 - (1 - fpir)^(1/n) computed without cancellation: FARs of 1e-7 are common here.
    return -Math.expm1(Math.log1p(-fpir) / n);
  }

  /** The FPIR that a per-comparison FAR gives against {@code persons} persons (the inverse). */
  public static double fpir(double falseAcceptRate, int persons) {
    if (!(falseAcceptRate > 0 && falseAcceptRate < 1)) {
      throw new IllegalArgumentException(
          "falseAcceptRate must be in (0, 1), got " + falseAcceptRate);
    }
    int n = Math.max(1, persons);
    return -Math.expm1(n * Math.log1p(-falseAcceptRate));
  }
}
