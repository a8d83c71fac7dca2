package io.facetrail.app.run;

import io.facetrail.matcher.decision.DecisionSettings;
import java.util.Locale;

/**
 * How often a run may name somebody who is not enrolled.
 *
 * @param fpir false-positive identification rate per track decision: the share of decisions about a
 *     never-enrolled person that name somebody; the matcher turns it into a distance threshold for
 *     the gallery's current size (matcher/README.md); null: the configuration's ({@code
 *     matcher.decision.fpir})
 * @param falseAcceptRate expert setting, null by default: a fixed per-comparison false-accept rate
 *     used instead of {@code fpir}, whatever the gallery's size; null: the configuration's ({@code
 *     matcher.decision.falseAcceptRate}, normally none)
 */
public record IdentityRate(Double fpir, Double falseAcceptRate) {
  /** The matcher's default: one decision in a hundred about a stranger names somebody. */
  public static final double DEFAULT_FPIR = 1e-2;

  /** Neither given: the configuration's rate ({@value #DEFAULT_FPIR} unless configured). */
  public static IdentityRate defaults() {
    return new IdentityRate(null, null);
  }

  /** The rate {@code d} decides at, named as {@link #toString()} names a given one. */
  public static IdentityRate of(DecisionSettings d) {
    return new IdentityRate(d.fpir(), d.falseAcceptRate());
  }

  @Override
  public String toString() {
    return falseAcceptRate != null
        ? String.format(Locale.ROOT, "FAR %.0e per comparison", falseAcceptRate)
        : fpir != null
            ? String.format(Locale.ROOT, "FPIR %.0e per decision", fpir)
            : "the configuration's rate";
  }
}
