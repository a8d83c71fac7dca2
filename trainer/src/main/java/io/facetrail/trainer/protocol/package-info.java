/**
 * The honest LFW protocol for trained models: the threshold is chosen on the pairs of the training
 * folds, accuracy is measured on the held-out fold, whose people training never saw.
 */
package io.facetrail.trainer.protocol;
