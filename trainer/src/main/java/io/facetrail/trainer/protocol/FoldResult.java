package io.facetrail.trainer.protocol;

/**
 * Verification results of one model on one fold split.
 *
 * @param heldOutAccuracy accuracy on the held-out fold at the training folds' threshold
 * @param threshold the distance threshold chosen on the training folds' pairs
 * @param trainingAccuracy accuracy on the training folds' pairs at that threshold
 * @param heldOutBestAccuracy the held-out fold's accuracy at its own best threshold (an optimistic
 *     bound, for information only)
 */
public record FoldResult(
    double heldOutAccuracy,
    double threshold,
    double trainingAccuracy,
    double heldOutBestAccuracy) {}
