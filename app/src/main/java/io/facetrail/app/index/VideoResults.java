package io.facetrail.app.index;

import io.facetrail.app.report.FaceImage;
import io.facetrail.app.report.TrackRecord;
import io.facetrail.app.report.VideoTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stored results of one video: reading them back to decide whether the video is already
 * indexed, and writing them (faces first, then CSV, then the JSON that marks the video as done).
 */
final class VideoResults {
  private VideoResults() {}

  /**
   * The earlier timeline of {@code video}, if it was made from the same file version and with the
   * same settings.
   *
   * @param problem told why an existing timeline does not count
   */
  static Optional<TimelineJson.Indexed> previous(
      TimelineFiles files,
      VideoFile video,
      IndexedWith with,
      java.util.function.Consumer<String> problem) {
    if (!Files.isRegularFile(files.json())) {
      return Optional.empty();
    }
    try {
      TimelineJson.Indexed old = TimelineJson.read(files.json());
      if (!old.stamp().equals(SourceStamp.of(video.path()))) {
        problem.accept("the file changed since it was indexed");
        return Optional.empty();
      }
      if (!with.equals(old.settings())) {
        problem.accept("it was indexed with other settings (" + old.settings() + ")");
        return Optional.empty();
      }
      return Optional.of(old);
    } catch (IOException e) {
      problem.accept(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Writes the results of a video and returns its timeline with the faces as files.
   *
   * @param stamp the file's stamp before it was indexed (a change during indexing shows next time)
   */
  static VideoTimeline write(
      TimelineFiles files,
      VideoFile video,
      VideoTimeline timeline,
      SourceStamp stamp,
      IndexedWith with)
      throws IOException {
    Files.createDirectories(files.json().getParent());
    // The JSON marks the video as indexed: until the new one is complete, there is none.
    Files.deleteIfExists(files.json());
    deleteTree(files.faces()); // faces of an earlier version of the video
    List<TrackRecord> tracks = new ArrayList<>();
    for (TrackRecord t : timeline.tracks()) {
      FaceImage f = t.face();
      if (f != null && f.jpeg() != null) {
        Files.createDirectories(files.faces());
        Path file = files.faces().resolve(t.trackId().replaceAll("[^A-Za-z0-9._-]", "_") + ".jpg");
        Files.write(file, f.jpeg());
        t = t.withFace(f.storedAt(file));
      }
      tracks.add(t);
    }
    VideoTimeline stored =
        new VideoTimeline(
            video.name(), timeline.streamId(), timeline.durationMs(), timeline.outcome(), tracks);
    TimelineCsv.write(stored, files.csv());
    TimelineJson.write(
        files.json(),
        stored,
        video.path(),
        stamp,
        with,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return stored;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
