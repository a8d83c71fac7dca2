package io.facetrail.shots;

/**
 * How unlike two frames are once the camera's global shift between them is taken out.
 *
 * @param dissimilarity 1 - the normalised cross-correlation of the luma grids at the best shift: 0
 *     for the same view (even brighter or darker: a gain or offset change does not count), about 1
 *     for unrelated views
 * @param shiftX the best shift, in fine grid cells ({@link FrameSignature#WIDTH} per frame width)
 * @param shiftY the best shift, in fine grid cells
 */
public record Comparison(double dissimilarity, int shiftX, int shiftY) {}
