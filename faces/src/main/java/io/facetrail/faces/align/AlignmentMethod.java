package io.facetrail.faces.align;

/** How a face chip is cut from the image. */
public enum AlignmentMethod {
  /** Similarity transform fitted to dlib's 33 template points (eyes, nose, upper mouth). */
  DLIB_33,
  /**
   * dlib's own chip: the same template fit as {@link #DLIB_33}, cut as dlib's {@code
   * extract_image_chip} cuts it (its rectangle convention and its bilinear rounding).
   */
  DLIB_CHIP,
  /** Similarity transform fitted to five points: eye centres, nose tip, mouth corners. */
  FIVE_POINT,
  /** The reference library's crop: an unrotated square around eyes and mouth, resized. */
  UNROTATED_BOX;

  /** Whether the method fits dlib's 33-point template, in dlib's direction (template to image). */
  public boolean dlibTemplate() {
    return this == DLIB_33 || this == DLIB_CHIP;
  }
}
