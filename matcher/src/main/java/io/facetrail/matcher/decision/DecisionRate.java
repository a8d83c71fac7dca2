package io.facetrail.matcher.decision;

/**
 * What sets the decision threshold: a false-positive identification rate per track decision (the
 * default; turned into a per-comparison FAR for the current gallery size by {@link OpenSetRule}),
 * or, the expert setting, a fixed per-comparison false-accept rate whatever the gallery size.
 *
 * @param fpir the FPIR per track decision, NaN when the FAR is fixed
 * @param fixedFalseAcceptRate the fixed per-comparison FAR, NaN when the FPIR rules
 */
public record DecisionRate(double fpir, double fixedFalseAcceptRate) {
  public DecisionRate {
    if (Double.isNaN(fpir) == Double.isNaN(fixedFalseAcceptRate)) {
      throw new IllegalArgumentException("exactly one of fpir and fixedFalseAcceptRate is set");
    }
  }

  /** Thresholds follow the gallery size so that strangers are named at this rate per decision. */
  public static DecisionRate ofFpir(double fpir) {
    return new DecisionRate(fpir, Double.NaN);
  }

  /** Thresholds at this per-comparison FAR whatever the gallery size (the expert setting). */
  public static DecisionRate perComparison(double falseAcceptRate) {
    return new DecisionRate(Double.NaN, falseAcceptRate);
  }

  /** The configured rate: the expert FAR when set, else the FPIR. */
  public static DecisionRate of(DecisionSettings settings) {
    return settings.falseAcceptRate() != null
        ? perComparison(settings.falseAcceptRate())
        : ofFpir(settings.fpir());
  }

  public boolean byFpir() {
    return !Double.isNaN(fpir);
  }

  /** The per-comparison FAR wanted against a gallery of {@code persons} persons. */
  public double falseAcceptRate(int persons) {
    return byFpir() ? OpenSetRule.falseAcceptRate(fpir, persons) : fixedFalseAcceptRate;
  }

  @Override
  public String toString() {
    return byFpir() ? "FPIR " + fpir + " per track decision" : "FAR " + fixedFalseAcceptRate;
  }
}
