package io.facetrail.app.index;

import io.facetrail.app.report.HtmlReport;
import io.facetrail.app.report.InputOutcome;
import io.facetrail.app.report.VideoTimeline;
import io.facetrail.app.run.RunConsole;
import io.facetrail.app.run.RunStop;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes an archive: finds its videos, skips those already indexed (same file, settings and
 * gallery version), runs the others one after the other through one all-in-one pipeline ({@link
 * PipelineIndexer}), and writes the archive's HTML report over every video, indexed now or before.
 * Earlier results that name a person the gallery no longer has are deleted before anything else.
 */
final class ArchiveIndexer {
  /** The report's file name in the output folder. */
  static final String REPORT = "index.html";

  /**
   * What an indexing run did.
   *
   * @param indexed videos indexed now
   * @param redone those of them indexed before, each as {@code name: why it was indexed again}
   * @param skipped videos already indexed
   * @param failed videos that could not be read, each as {@code name: why}
   * @param notDone videos left for later because the run was stopped
   * @param report the HTML report
   */
  record Result(
      List<String> indexed,
      List<String> redone,
      List<String> skipped,
      List<String> failed,
      int notDone,
      Path report) {}

  private ArchiveIndexer() {}

  static Result run(IndexSettings s, PrintStream err, boolean bars, RunStop stop)
      throws InterruptedException {
    RunConsole console = new RunConsole(err);
    List<VideoFile> videos = ArchiveScan.scan(s.inputs());
    try {
      Files.createDirectories(s.out());
    } catch (IOException e) {
      throw new UserFacingException("cannot create the output folder " + s.out() + ": " + e, e);
    }
    Map<VideoFile, VideoTimeline> results = new LinkedHashMap<>();
    videos.forEach(v -> results.put(v, null));
    List<String> skipped = new ArrayList<>();
    List<VideoFile> pending = new ArrayList<>();
    Map<VideoFile, String> again = new LinkedHashMap<>();
    try (IndexGallery gallery = IndexGallery.open(s)) {
      IndexedWith with = s.indexedWith().atGallery(gallery.version().text());
      for (VideoFile v : videos) {
        TimelineFiles files = TimelineFiles.of(s.out(), v);
        VideoResults.Previous previous = VideoResults.previous(files, v, with);
        if (previous.current() && !s.force()) {
          results.put(v, previous.old().timeline());
          skipped.add(v.name());
          continue;
        }
        pending.add(v);
        String why = s.force() && previous.old() != null ? "--force" : previous.stale();
        if (why != null) {
          again.put(v, why);
          console.status("indexing " + v.name() + " again: " + why);
        }
        if (previous.old() != null && !previous.current()) {
          removeStaleNames(files, v, previous.old(), gallery, console);
        }
      }
    }
    console.status(
        videos.size()
            + " video(s): "
            + pending.size()
            + " to index, "
            + skipped.size()
            + " already indexed (--force indexes them again)");
    PipelineIndexer.Done done =
        pending.isEmpty()
            ? new PipelineIndexer.Done(List.of(), List.of(), Map.of())
            : PipelineIndexer.index(s, pending, err, bars, stop, console);
    results.putAll(done.timelines());
    List<VideoTimeline> timelines = new ArrayList<>();
    results.values().stream().filter(t -> t != null).forEach(timelines::add);
    Path report = s.out().resolve(REPORT);
    try {
      HtmlReport.write(report, "FaceTrail archive index", timelines, Instant.now());
    } catch (UncheckedIOException e) {
      throw new UserFacingException("the archive report was not written: " + e.getMessage(), e);
    }
    int notDone = pending.size() - done.indexed().size() - done.failed().size();
    List<String> redone = new ArrayList<>();
    again.forEach(
        (v, why) -> {
          if (done.indexed().contains(v.name())) {
            redone.add(v.name() + ": " + why);
          }
        });
    return new Result(done.indexed(), redone, skipped, done.failed(), notDone, report);
  }

  /**
   * Deletes at once the earlier results of a video that name somebody the gallery no longer has by
   * that name ({@link StaleNames}), before the video's turn comes.
   */
  private static void removeStaleNames(
      TimelineFiles files,
      VideoFile v,
      TimelineJson.Indexed old,
      IndexGallery gallery,
      RunConsole console) {
    int stale;
    try {
      stale = StaleNames.count(old.timeline(), gallery.gallery());
    } catch (GalleryUnavailableException e) {
      throw new UserFacingException("cannot use the gallery: " + e.getMessage(), e);
    }
    if (stale == 0) {
      return;
    }
    try {
      VideoResults.delete(files);
    } catch (IOException e) {
      throw new UserFacingException(
          "the earlier results of "
              + v.name()
              + " name "
              + stale
              + " person(s) no longer in the gallery and could not be deleted: "
              + e.getMessage(),
          e);
    }
    console.status(
        "the earlier results of "
            + v.name()
            + " named "
            + stale
            + " person(s) no longer in the gallery by that name: deleted");
  }

  /** A failed video's entry in the report: its outcome, no tracks. */
  static VideoTimeline failedEntry(VideoFile v, InputOutcome outcome) {
    return new VideoTimeline(v.name(), null, -1, outcome, List.of());
  }
}
