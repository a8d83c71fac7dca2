package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.List;

/** Finds faces in whole images, in batches. Implementations are thread-safe. */
public interface FaceDetector extends AutoCloseable {
  /**
   * Runs the network once per image on the whole image (its longer side scaled to {@link
   * #inputSize}, padded at the bottom/right only as far as the network needs).
   *
   * @param minScore detections scoring at or below this are dropped
   * @return per image its detections in that image's pixels, best first, after NMS
   */
  List<List<Detection>> detect(List<RgbImage> images, float minScore);

  /** Multiply-accumulates of one forward pass of one square image. */
  long macsPerImage();

  /** The side the longer image side is scaled to. */
  int inputSize();

  @Override
  void close();
}
