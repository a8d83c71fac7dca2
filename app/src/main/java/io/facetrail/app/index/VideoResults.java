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
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stored results of one video: reading them back to decide whether the video is already
 * indexed, and writing them (faces first, then CSV, then the JSON that marks the video as done).
 */
final class VideoResults {
  private VideoResults() {}

  /** Why a video whose timeline is otherwise current is indexed again. */
  static final String GALLERY_CHANGED = "gallery changed since indexed";

  /**
   * The earlier results of a video, as far as they can be read.
   *
   * @param old the earlier timeline, or null when there is none or it cannot be read
   * @param stale why it does not count (null: it is current); told to the user
   */
  record Previous(TimelineJson.Indexed old, String stale) {
    boolean current() {
      return old != null && stale == null;
    }
  }

  /**
   * The earlier timeline of {@code video} and whether it was made from the same file version, with
   * the same settings and against the same gallery version.
   */
  static Previous previous(TimelineFiles files, VideoFile video, IndexedWith with) {
    if (!Files.isRegularFile(files.json())) {
      return new Previous(null, null);
    }
    try {
      TimelineJson.Indexed old = TimelineJson.read(files.json());
      if (!old.stamp().equals(SourceStamp.of(video.path()))) {
        return new Previous(old, "the file changed since it was indexed");
      }
      if (!with.sameSettingsAs(old.settings())) {
        return new Previous(old, "it was indexed with other settings (" + old.settings() + ")");
      }
      if (with.gallery() == null || !with.gallery().equals(old.settings().gallery())) {
        return new Previous(old, GALLERY_CHANGED);
      }
      return new Previous(old, null);
    } catch (IOException e) {
      return new Previous(null, e.getMessage());
    }
  }

  /**
   * Deletes the results of a video (JSON first: without it the video counts as not indexed).
   *
   * @return whether there were any
   */
  static boolean delete(TimelineFiles files) throws IOException {
    boolean any = Files.deleteIfExists(files.json());
    any |= Files.deleteIfExists(files.csv());
    any |= Files.exists(files.faces());
    deleteTree(files.faces());
    return any;
  }

  /**
   * Writes the results of a video and returns its timeline with the faces as files.
   *
   * @param sightings the frames each track was decided on, by track id
   * @param stamp the file's stamp before it was indexed (a change during indexing shows next time)
   */
  static VideoTimeline write(
      TimelineFiles files,
      VideoFile video,
      VideoTimeline timeline,
      Map<String, Sighting> sightings,
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
        sightings,
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
