package io.facetrail.evaluation.tracking.scene;

import io.facetrail.tracker.box.BoundingBox;
import java.awt.image.BufferedImage;

/**
 * One person's face cut from a photo as an elliptical patch with soft edges, and where in that
 * patch the evaluated detector puts its face box (as fractions of the patch), measured once on the
 * patch shown alone. Ground-truth boxes follow that convention, so a perfect detector's boxes match
 * the ground truth exactly whatever its box style (chin to brow, or hair to chin).
 *
 * @param person index of the person (never their name: names are face data)
 * @param patch ARGB image, transparent outside the ellipse
 */
public record FacePhoto(int person, BufferedImage patch, double[] referenceBox) {
  /** Width over height of every patch. */
  public static final double ASPECT = 150.0 / 180.0;

  /** The face box when the patch is drawn with the given top-left corner and height. */
  public BoundingBox faceBox(double left, double top, double height) {
    double width = height * ASPECT;
    return new BoundingBox(
        left + referenceBox[0] * width,
        top + referenceBox[1] * height,
        referenceBox[2] * width,
        referenceBox[3] * height);
  }
}
