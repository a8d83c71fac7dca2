package io.facetrail.app.run;

import io.facetrail.matcher.decision.DecisionSettings;
import java.util.Locale;

/**
 * How often a run may name somebody who is not enrolled.
 *
 * @param fpir false-positive identification rate per track decision: the share of decisions about a
 *     never-enrolled person that name somebody; the matcher turns it into a distance threshold for
 *     the gallery's current size (matcher/README.md)
 * @param falseAcceptRate expert setting, null by default: a fixed per-comparison false-accept rate
 *     used instead of {@code fpir}, whatever the gallery's size
 */
public record IdentityRate(double fpir, Double falseAcceptRate) {
  /** The matcher's default: one decision in a hundred about a stranger names somebody. */
  public static final double DEFAULT_FPIR = 1e-2;

  public static IdentityRate defaults() {
    return new IdentityRate(DEFAULT_FPIR, null);
  }

  /**
   * {@code configured} deciding at this rate; without {@link #falseAcceptRate} the configured one
   * (normally none) is kept.
   */
  public DecisionSettings applyTo(DecisionSettings configured) {
    DecisionSettings d = configured.withFpir(fpir);
    return falseAcceptRate == null ? d : d.withFalseAcceptRate(falseAcceptRate);
  }

  @Override
  public String toString() {
    return falseAcceptRate != null
        ? String.format(Locale.ROOT, "FAR %.0e per comparison", falseAcceptRate)
        : String.format(Locale.ROOT, "FPIR %.0e per decision", fpir);
  }
}
