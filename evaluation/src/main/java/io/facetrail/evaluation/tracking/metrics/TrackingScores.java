package io.facetrail.evaluation.tracking.metrics;

/**
 * Counts of a tracking evaluation and the scores derived from them. Counts add up over sequences
 * ({@link #plus}), so a summary over several sequences is computed from the summed counts, as
 * MOTChallenge does.
 *
 * @param truthBoxes ground-truth boxes (GT)
 * @param hypothesisBoxes hypothesis boxes left after removing those on don't-care objects
 * @param matches matched pairs (true positives)
 * @param misses ground-truth boxes not matched (FN)
 * @param falsePositives hypothesis boxes not matched (FP)
 * @param idSwitches times an object was matched to another track than the one it last had
 * @param fragmentations times an object's matching resumed after an interruption
 * @param iouSum sum of IoU over matches (for MOTP)
 * @param identityTruePositives IDTP of the best one-to-one object/track pairing
 * @param truthTracks objects with at least one ground-truth box
 * @param hypothesisTracks tracks with at least one hypothesis box
 * @param mostlyTracked objects matched in at least 80% of their frames
 * @param mostlyLost objects matched in less than 20% of their frames
 */
public record TrackingScores(
    long truthBoxes,
    long hypothesisBoxes,
    long matches,
    long misses,
    long falsePositives,
    long idSwitches,
    long fragmentations,
    double iouSum,
    long identityTruePositives,
    long truthTracks,
    long hypothesisTracks,
    long mostlyTracked,
    long mostlyLost) {

  /** 1 - (FN + FP + IDSW) / GT. */
  public double mota() {
    return truthBoxes == 0
        ? Double.NaN
        : 1.0 - (double) (misses + falsePositives + idSwitches) / truthBoxes;
  }

  /** Mean IoU of matched pairs. */
  public double motp() {
    return matches == 0 ? Double.NaN : iouSum / matches;
  }

  /** 2 IDTP / (GT + hypothesis boxes). */
  public double idf1() {
    long all = truthBoxes + hypothesisBoxes;
    return all == 0 ? Double.NaN : 2.0 * identityTruePositives / all;
  }

  /** IDTP / hypothesis boxes. */
  public double idPrecision() {
    return hypothesisBoxes == 0 ? Double.NaN : (double) identityTruePositives / hypothesisBoxes;
  }

  /** IDTP / GT boxes. */
  public double idRecall() {
    return truthBoxes == 0 ? Double.NaN : (double) identityTruePositives / truthBoxes;
  }

  /** ID switches per 100 ground-truth tracks. */
  public double idSwitchesPer100Tracks() {
    return truthTracks == 0 ? Double.NaN : 100.0 * idSwitches / truthTracks;
  }

  /** Counts of both evaluations added. */
  public TrackingScores plus(TrackingScores o) {
    return new TrackingScores(
        truthBoxes + o.truthBoxes,
        hypothesisBoxes + o.hypothesisBoxes,
        matches + o.matches,
        misses + o.misses,
        falsePositives + o.falsePositives,
        idSwitches + o.idSwitches,
        fragmentations + o.fragmentations,
        iouSum + o.iouSum,
        identityTruePositives + o.identityTruePositives,
        truthTracks + o.truthTracks,
        hypothesisTracks + o.hypothesisTracks,
        mostlyTracked + o.mostlyTracked,
        mostlyLost + o.mostlyLost);
  }

  /** Nothing counted. */
  public static TrackingScores zero() {
    return new TrackingScores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
