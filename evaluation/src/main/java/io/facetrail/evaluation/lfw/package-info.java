/**
 * Face verification evaluation on LFW (the standard 10-fold protocol of {@code pairs.txt} with the
 * full pipeline on raw deep-funneled images), the embedding cache that makes reruns cheap, ROC
 * plots, and the calibration of distance thresholds per false-accept rate.
 */
package io.facetrail.evaluation.lfw;
