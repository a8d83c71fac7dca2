package io.facetrail.trainer.triplet;

/**
 * Settings of one triplet fine-tuning run.
 *
 * @param steps optimiser steps (one batch each)
 * @param identitiesPerBatch P
 * @param facesPerIdentity K
 * @param learningRate Adam's step size
 * @param margin the triplet margin on squared L2 distances
 * @param seed drives batch sampling; step {@code s} always draws the same batch, so a resumed run
 *     sees the batches an uninterrupted one would
 * @param checkpointEvery steps between checkpoints
 */
public record TrainingSettings(
    int steps,
    int identitiesPerBatch,
    int facesPerIdentity,
    double learningRate,
    double margin,
    long seed,
    int checkpointEvery) {
  public TrainingSettings {
    if (steps < 1 || identitiesPerBatch < 2 || facesPerIdentity < 2 || checkpointEvery < 1) {
      throw new IllegalArgumentException(
          "steps and checkpoint interval must be positive, P and K at least 2");
    }
    if (!(learningRate > 0) || !(margin > 0)) {
      throw new IllegalArgumentException("learning rate and margin must be positive");
    }
  }
}
