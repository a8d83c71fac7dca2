package io.facetrail.app.index;

import java.nio.file.Path;

/**
 * Where the results of one video go in the output folder, named after the video: {@code
 * NAME.timeline.json} (written last: its presence marks the video as indexed), {@code
 * NAME.timeline.csv}, and the faces in {@code NAME.faces/}.
 *
 * @param json the timeline as JSON
 * @param csv the timeline as CSV
 * @param faces the folder of face JPEGs
 */
record TimelineFiles(Path json, Path csv, Path faces) {
  static TimelineFiles of(Path out, VideoFile video) {
    Path base = out.resolve(video.name());
    String file = base.getFileName().toString();
    return new TimelineFiles(
        base.resolveSibling(file + ".timeline.json"),
        base.resolveSibling(file + ".timeline.csv"),
        base.resolveSibling(file + ".faces"));
  }
}
