package io.facetrail.evaluation.clusters;

import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codes of the query photos as {@code facetrail search PHOTO --largest} computes them: the
 * photo tools' analyzer (enrolment's detection with its retries), the largest face of the photo
 * (LFW photos often show somebody else behind the subject).
 */
final class QueryCodes {
  private QueryCodes() {}

  /** Per label, the query's code; a photo without a face is left out. */
  static Map<String, byte[]> of(Map<String, Path> photos) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (FaceAnalyzer analyzer = FaceAnalyzers.open()) {
      for (Map.Entry<String, Path> e : photos.entrySet()) {
        largest(analyzer.analyse(e.getValue())).ifPresent(f -> out.put(e.getKey(), f.code()));
      }
    }
    return out;
  }

  private static Optional<DetectedFace> largest(List<DetectedFace> faces) {
    return faces.stream().max(Comparator.comparingDouble(DetectedFace::boxArea));
  }
}
