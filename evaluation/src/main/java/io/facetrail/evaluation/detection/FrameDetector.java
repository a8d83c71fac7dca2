package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import java.nio.file.Path;
import java.util.List;

/** A detector under test, run on JPEG files so that every detector sees the same pixels. */
interface FrameDetector {
  /** Short name in the report. */
  String name();

  /** Detections per file, at or above the system's floor score. */
  List<List<Detection>> detect(List<Path> jpegs);
}
