/**
 * A training run on disk: its folder (checkpoints for resuming, the loss plot, the final model with
 * its id and metadata) under the trained-models folder.
 */
package io.facetrail.trainer.run;
