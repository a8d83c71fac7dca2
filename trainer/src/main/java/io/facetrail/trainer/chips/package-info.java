/**
 * Aligned face chips of training and evaluation photos, cut by the face library's own detector,
 * landmarks and alignment (so training sees what inference sees), computed once and cached in the
 * user's cache folder (chips are face data: never in the repository, never in logs).
 */
package io.facetrail.trainer.chips;
