package io.facetrail.app.index;

import io.facetrail.app.run.GalleryTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * What an indexing run does.
 *
 * @param inputs folders (searched recursively) and video files
 * @param gallery where persons are enrolled
 * @param enrolDir folder with one sub-folder of photos per person to enrol first, or null
 * @param out where timelines, faces and the report go
 * @param force index again even what is already indexed
 * @param fps frames analysed per second of video
 * @param falseAcceptRate per-comparison false-accept rate of identity decisions
 * @param device {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param workDir where the broker and the Streams state live
 */
public record IndexSettings(
    List<Path> inputs,
    GalleryTarget gallery,
    Path enrolDir,
    Path out,
    boolean force,
    double fps,
    double falseAcceptRate,
    String device,
    Path workDir) {
  public IndexSettings {
    inputs = List.copyOf(inputs);
  }

  IndexedWith indexedWith() {
    return new IndexedWith(fps, falseAcceptRate);
  }
}
