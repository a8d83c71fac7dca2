/**
 * {@code facetrail eval tracking}: generated sequences with exact ground truth (real LFW faces
 * moving, crossing, hiding each other, leaving and coming back over a background), run through a
 * real face detector and the tracker, scored with CLEAR-MOT and IDF1.
 */
package io.facetrail.evaluation.tracking;
