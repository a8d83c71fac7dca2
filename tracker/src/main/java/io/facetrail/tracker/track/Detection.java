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
public record Detection(BoundingBox box, float score, float[] appearance) {
  /**
   * A detected face as the tracker should weigh it: a face whose quality is below {@code
   * appearanceMinQuality} (small, blurred, turned away) keeps no appearance, so it is linked by
   * unambiguous motion alone and never vouches for who it is.
   *
   * @param appearance the unit-length embedding of its code
   */
  public static Detection of(
      BoundingBox box, float score, float quality, float[] appearance, TrackingParameters params) {
    return new Detection(box, score, quality < params.appearanceMinQuality() ? null : appearance);
  }
}
