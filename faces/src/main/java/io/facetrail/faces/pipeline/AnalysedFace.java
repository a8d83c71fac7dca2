package io.facetrail.faces.pipeline;

import io.facetrail.faces.detect.FaceBox;

/**
 * One face found in an image. Holds face data: never log it.
 *
 * @param box in the image's pixels
 * @param detectionScore detector confidence, 0..1
 * @param landmarks 68 points, x0, y0, x1, y1, ... in the image's pixels
 * @param quality 0..1 from size, sharpness and pose (see {@link
 *     io.facetrail.faces.quality.FaceQuality})
 * @param measures size, sharpness, brightness and yaw, what the quality gate judges
 * @param embedding L2-normalised 128-D embedding
 * @param code the 128-byte code of the embedding ({@link io.facetrail.contracts.code.FaceCode})
 */
public record AnalysedFace(
    FaceBox box,
    float detectionScore,
    float[] landmarks,
    float quality,
    io.facetrail.faces.quality.FaceMeasures measures,
    float[] embedding,
    byte[] code) {
  /** A JPEG thumbnail of this face cut from {@code image} (the image it was found in). */
  public byte[] thumbnail(io.facetrail.faces.image.RgbImage image, int maxSide) {
    return io.facetrail.faces.image.Thumbnails.jpeg(
        image, box.x(), box.y(), box.width(), box.height(), 0.2f, maxSide, 85);
  }

  @Override
  public String toString() {
    return "AnalysedFace[box=" + box + ", score=" + detectionScore + ", quality=" + quality + "]";
  }
}
