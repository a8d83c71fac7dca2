/**
 * Training-time augmentation of aligned face chips: mirroring, small crop/scale jitter and colour
 * jitter, drawn from a seeded random source so an augmented chip can be recomputed exactly.
 */
package io.facetrail.trainer.augment;
