package io.facetrail.faces.detect;

/**
 * How a detector covers an image of any size.
 *
 * @param minScore detections scoring at or below this are dropped
 * @param minFaceSize smallest face (box side, original pixels) to find; smaller ones are dropped,
 *     and tiles are added when the whole-image pass would shrink such a face below what the network
 *     resolves
 * @param canvasPadding border added on each side of the whole-image pass, as a fraction of the
 *     longer side; faces that fill the frame are found far more reliably with it
 * @param tiling whether to add tiles for small faces in large images
 */
public record ScanSettings(float minScore, int minFaceSize, float canvasPadding, boolean tiling) {
  /** Smallest face side, in network input pixels, the detectors find reliably. */
  public static final int MIN_NETWORK_FACE = 24;
}
