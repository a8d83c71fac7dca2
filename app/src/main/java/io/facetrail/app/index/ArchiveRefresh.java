package io.facetrail.app.index;

import io.facetrail.app.report.VideoTimeline;
import io.facetrail.app.run.RunArchive;
import io.facetrail.app.run.RunConsole;
import io.facetrail.app.run.RunPlan;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.GalleryCatchUp;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The step of {@code index} before any decoding: the track archive is brought up to date with the
 * gallery ({@link RunArchive#catchUp}), then every video whose earlier timeline is out of date only
 * because the gallery changed is made again from the archive ({@link TimelineRefresh}) instead of
 * decoded, and recorded at the gallery version the archive is now up to date with. Each video's
 * path (refreshed, or decoded and why) is said on the console.
 */
final class ArchiveRefresh {
  private ArchiveRefresh() {}

  /**
   * Catches the archive up and refreshes what it can of {@code videos}.
   *
   * @param videos the videos whose only change is the gallery's, with their earlier timeline
   * @return the refreshed videos' timelines (the others are to decode)
   */
  static Map<VideoFile, VideoTimeline> refresh(
      IndexSettings s, Map<VideoFile, TimelineJson.Indexed> videos, RunConsole console) {
    Map<VideoFile, VideoTimeline> done = new LinkedHashMap<>();
    Optional<RunArchive> opened =
        RunArchive.open(RunPlan.matcherBeforeStart(s.pipeline(), System.getenv()), console);
    if (opened.isEmpty()) {
      decodeAll(videos, "no track archive to re-decide them from", console);
      return done;
    }
    try (RunArchive a = opened.get()) {
      Optional<GalleryCatchUp.Result> caughtUp = a.catchUp(console);
      if (caughtUp.isEmpty() || videos.isEmpty()) {
        decodeAll(videos, "the track archive could not be re-decided", console);
        return done;
      }
      String version = caughtUp.get().to().text();
      IndexedWith with = s.indexedWith().atGallery(version);
      Set<String> streams =
          videos.values().stream()
              .map(old -> old.timeline().streamId())
              .filter(id -> id != null)
              .collect(Collectors.toSet());
      ArchivedStreams archived = ArchivedStreams.load(a.archive(), streams);
      for (Map.Entry<VideoFile, TimelineJson.Indexed> e : videos.entrySet()) {
        VideoFile v = e.getKey();
        TimelineFiles files = TimelineFiles.of(s.out(), v);
        TimelineRefresh.Outcome o =
            TimelineRefresh.refresh(e.getValue(), archived, a.archive(), a.gallery());
        if (o.timeline() == null) {
          console.status(v.name() + ": decoding it again: " + o.why());
          continue;
        }
        VideoTimeline t;
        try {
          t = VideoResults.write(files, v, o.timeline(), o.sightings(), e.getValue().stamp(), with);
        } catch (IOException ex) {
          console.status(
              v.name() + ": decoding it again: its refreshed results could not be written: " + ex);
          continue;
        }
        done.put(v, t);
        console.status(
            v.name()
                + ": refreshed from the track archive, not decoded: "
                + PipelineIndexer.describe(t)
                + " ("
                + o.redecided()
                + " archived track(s)"
                + (o.erased() > 0
                    ? ", " + o.erased() + " track(s) of persons erased from the gallery left out"
                    : "")
                + ")");
      }
    } catch (ArchiveUnavailableException e) {
      // What was written stays (each timeline records the version it was made at); the others
      // are decoded.
      console.status("the track archive failed (" + e.getMessage() + "): the rest is decoded");
    } catch (GalleryUnavailableException e) {
      throw new UserFacingException("cannot use the gallery: " + e.getMessage(), e);
    }
    return done;
  }

  private static void decodeAll(
      Map<VideoFile, TimelineJson.Indexed> videos, String why, RunConsole console) {
    for (VideoFile v : videos.keySet()) {
      console.status(v.name() + ": decoding it again: " + why);
    }
  }
}
