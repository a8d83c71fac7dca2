package io.facetrail.faces.landmark.trees;

/**
 * One level of the cascade: the feature pixels it samples (each an anchor landmark of the mean
 * shape plus an offset, in the normalised box) and its forest of complete binary regression trees.
 * Trees are stored flat: tree {@code t}'s split {@code s} is at {@code t * splitsPerTree + s}, its
 * leaf {@code l}'s shape increment at {@code (t * leavesPerTree + l) * shapeLength}.
 *
 * @param anchors landmark index of each feature pixel
 * @param deltaX offset of each feature pixel from its anchor, x
 * @param deltaY offset of each feature pixel from its anchor, y
 * @param splitsPerTree splits of every tree (a power of two minus one)
 * @param firstPixel per split, the feature pixel whose grey level is taken
 * @param secondPixel per split, the feature pixel whose grey level is subtracted
 * @param thresholds per split: the difference must exceed it to go left
 * @param leaves shape increments, {@code shapeLength} floats per leaf
 */
record Cascade(
    int[] anchors,
    float[] deltaX,
    float[] deltaY,
    int splitsPerTree,
    int[] firstPixel,
    int[] secondPixel,
    float[] thresholds,
    float[] leaves) {

  int trees() {
    return thresholds.length / splitsPerTree;
  }

  int leavesPerTree() {
    return splitsPerTree + 1;
  }

  int featurePixels() {
    return anchors.length;
  }
}
