/**
 * Trunk features: the frozen part of the v1 network evaluated once per chip and variant (plain,
 * mirrored, augmented) and cached on disk, so fine-tuning the last stage costs a fraction of a full
 * forward pass per face.
 */
package io.facetrail.trainer.features;
