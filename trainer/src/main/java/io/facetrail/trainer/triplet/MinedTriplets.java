package io.facetrail.trainer.triplet;

/**
 * The triplets mined from one batch, as row indices into the batch's embeddings.
 *
 * @param anchors anchor rows
 * @param positives positive rows (same identity as the anchor, another row)
 * @param negatives negative rows (another identity)
 * @param semiHard how many negatives were semi-hard; the rest are hardest-negative fallbacks
 * @param active how many triplets violate the margin (positive loss) at mining time
 */
public record MinedTriplets(
    int[] anchors, int[] positives, int[] negatives, int semiHard, int active) {
  public MinedTriplets {
    if (anchors.length != positives.length || anchors.length != negatives.length) {
      throw new IllegalArgumentException("anchor, positive and negative counts differ");
    }
  }

  public int size() {
    return anchors.length;
  }

  /** Fraction of triplets with a positive loss; 0 for an empty batch. */
  public double activeFraction() {
    return size() == 0 ? 0 : active / (double) size();
  }
}
