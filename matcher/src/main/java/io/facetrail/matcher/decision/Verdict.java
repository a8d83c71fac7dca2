package io.facetrail.matcher.decision;

import io.facetrail.matcher.index.Match;

/**
 * The outcome of comparing a track aggregate with the gallery once.
 *
 * @param kind what the comparison says
 * @param best the nearest person, null when the gallery holds no comparable code
 * @param second the second-nearest person, null when there is none
 * @param threshold the distance threshold used
 */
public record Verdict(Kind kind, Match best, Match second, double threshold) {
  /** What a comparison says. */
  public enum Kind {
    /** Too few good frames to decide yet. */
    TOO_FEW_FRAMES,
    /** Nobody within the threshold. */
    NO_MATCH,
    /** Within the threshold but too close to the second-best person. */
    AMBIGUOUS,
    /** The best person, within the threshold and with enough margin. */
    MATCH
  }

  public double bestDistance() {
    return best == null ? Double.NaN : best.distance();
  }

  public double secondDistance() {
    return second == null ? Double.NaN : second.distance();
  }
}
