/**
 * Face alignment: a least-squares similarity transform (rotation, uniform scale, translation) from
 * detected landmarks onto a canonical template in the 150x150 chip, and the warp that cuts the chip
 * with OpenCV. Also the reference library's unrotated box crop, kept for comparison.
 */
package io.facetrail.faces.align;
