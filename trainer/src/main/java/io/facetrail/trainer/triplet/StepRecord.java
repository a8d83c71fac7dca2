package io.facetrail.trainer.triplet;

/**
 * What one training step did.
 *
 * @param step 1-based
 * @param loss the batch's triplet loss
 * @param triplets triplets mined
 * @param activeFraction fraction of triplets with a positive loss
 * @param semiHardFraction fraction whose negative was semi-hard (the rest fell back to the hardest)
 */
public record StepRecord(
    int step, double loss, int triplets, double activeFraction, double semiHardFraction) {}
