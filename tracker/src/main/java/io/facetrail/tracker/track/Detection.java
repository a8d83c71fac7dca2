package io.facetrail.tracker.track;

import io.facetrail.tracker.box.BoundingBox;

/**
 * One detected face as the tracker sees it.
 *
 * @param box the face box in frame pixels
 * @param score detector confidence, 0..1
 * @param appearance the unit-length face embedding (e.g. a dequantised, re-normalised face code),
 *     or null when the frame carries none: the match then rests on motion alone
 */
public record Detection(BoundingBox box, float score, float[] appearance) {}
