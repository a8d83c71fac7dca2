/**
 * {@code facetrail eval clusters}: how well the matcher's clustering of unknown tracks groups the
 * tracks of one person, on LFW people composited into generated videos from several cameras,
 * tracked by the real tracker and folded as the matcher folds a track; and search recall of the
 * same archived tracks from one new photo.
 */
package io.facetrail.evaluation.clusters;
