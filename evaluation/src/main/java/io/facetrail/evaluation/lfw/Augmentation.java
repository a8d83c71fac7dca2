package io.facetrail.evaluation.lfw;

/** Test-time augmentation of a photo's embedding: which chips are averaged. */
enum Augmentation {
  NONE("", false, false),
  FLIP("+flip", true, false),
  JITTER("+jitter", false, true),
  FLIP_AND_JITTER("+flip+jitter", true, true);

  private final String suffix;
  private final boolean flip;
  private final boolean jitter;

  Augmentation(String suffix, boolean flip, boolean jitter) {
    this.suffix = suffix;
    this.flip = flip;
    this.jitter = jitter;
  }

  /** Appended to a variant's label in reports, e.g. {@code DLIB_33+flip}. */
  String suffix() {
    return suffix;
  }

  /** Whether the plain chip's mirror image is averaged in. */
  boolean flip() {
    return flip;
  }

  /** Whether the jittered chips are averaged in. */
  boolean jitter() {
    return jitter;
  }
}
