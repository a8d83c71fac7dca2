package io.facetrail.evaluation.shots;

import io.facetrail.ingest.media.DecodeStats;
import io.facetrail.ingest.media.OpenRequest;
import io.facetrail.ingest.media.SignatureScaler;
import io.facetrail.ingest.media.VideoInput;
import io.facetrail.shots.ShotBoundary;
import io.facetrail.shots.ShotBoundaryDetector;
import io.facetrail.shots.ShotSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a video file through ingest's own decoder, signature scaler and shot detector (every frame
 * decoded, as ingest does for files), and times the signature and detector work per frame.
 */
final class ShotDetection {
  /** The boundaries found, and the CPU cost of finding them. */
  record Result(List<ShotBoundary> boundaries, long frames, double microsPerFrame) {}

  private ShotDetection() {}

  static Result run(Path file, ShotSettings settings) throws Exception {
    ShotBoundaryDetector detector = new ShotBoundaryDetector(settings);
    List<ShotBoundary> found = new ArrayList<>();
    long[] nanos = {0};
    try (VideoInput input =
            VideoInput.open(OpenRequest.file(file.toString(), 1), new DecodeStats());
        SignatureScaler scaler = new SignatureScaler()) {
      while (input.readNext(
          (frame, t, key) -> {
            long start = System.nanoTime();
            found.addAll(detector.push(scaler.signature(frame, t)));
            nanos[0] += System.nanoTime() - start;
          })) {
        // every frame goes through the sink
      }
    }
    found.addAll(detector.finish());
    long frames = detector.frames();
    return new Result(found, frames, frames == 0 ? 0 : nanos[0] / 1000.0 / frames);
  }
}
