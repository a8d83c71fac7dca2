package io.facetrail.evaluation.tracking.detect;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds the faces of a frame and computes their codes, as the embedder does in the pipeline. */
public interface FrameFaceDetector extends AutoCloseable {
  /** The faces of one frame, in any order. */
  List<DetectedFace> detect(BufferedImage frame);

  /** What runs (detector, embedding model id, device), for the report. */
  String description();

  @Override
  void close();
}
