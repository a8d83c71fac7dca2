package io.facetrail.faces.detect;

/**
 * A detected face.
 *
 * @param box in the original image's pixels
 * @param score the detector's confidence, 0..1
 */
public record Detection(FaceBox box, float score) {}
