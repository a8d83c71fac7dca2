package io.facetrail.faces.pipeline;

import io.facetrail.faces.image.ImageDecodeException;
import java.util.List;

/**
 * The faces of one image, best detection first.
 *
 * @param width image width in pixels (0 when it could not be decoded)
 * @param height image height in pixels (0 when it could not be decoded)
 * @param faces found faces (empty when none, or when decoding failed)
 * @param failure why the image could not be decoded, or null
 */
public record ImageAnalysis(
    int width, int height, List<AnalysedFace> faces, ImageDecodeException failure) {
  public ImageAnalysis {
    faces = List.copyOf(faces);
  }

  public boolean decoded() {
    return failure == null;
  }
}
