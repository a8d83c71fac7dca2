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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * @param indexed videos indexed now (decoded)
   * @param redone those of them indexed before, each as {@code name: why it was indexed again}
   * @param refreshed videos whose timelines were made again from the track archive after a gallery
   *     change, without decoding them
   * @param skipped videos already indexed
   * @param failed videos that could not be read, each as {@code name: why}
   * @param notDone videos left for later because the run was stopped
   * @param report the HTML report
   */
  record Result(
      List<String> indexed,
      List<String> redone,
      List<String> refreshed,
      List<String> skipped,
      List<String> failed,
      int notDone,
      Path report) {}

  /**
   * Which videos are indexed already and which are to index, and why again; of those, the ones
   * whose only change is the gallery's, with their earlier timeline (they may be refreshed from the
   * track archive instead of decoded).
   */
  private static final class Decisions {
    final Map<VideoFile, VideoTimeline> current = new LinkedHashMap<>();
    final List<VideoFile> pending = new ArrayList<>();
    final Map<VideoFile, String> again = new LinkedHashMap<>();
    final Map<VideoFile, TimelineJson.Indexed> galleryChanged = new LinkedHashMap<>();
  }

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
    Decisions first = decide(videos, s, console);
    results.putAll(first.current);
    console.status(
        videos.size()
            + " video(s): "
            + first.pending.size()
            + " to index, "
            + first.current.size()
            + " already indexed (--force indexes them again)");
    Map<VideoFile, String> again = new LinkedHashMap<>(first.again);
    List<String> refreshed = new ArrayList<>();
    Map<VideoFile, VideoTimeline> fromArchive =
        ArchiveRefresh.refresh(s, first.galleryChanged, console);
    Set<VideoFile> refreshedVideos = new LinkedHashSet<>(fromArchive.keySet());
    fromArchive.keySet().forEach(v -> refreshed.add(v.name() + ": " + first.again.get(v)));
    results.putAll(fromArchive);
    List<VideoFile> pending = new ArrayList<>(first.pending);
    pending.removeAll(fromArchive.keySet());
    // With --enroll the pipeline starts even when every video is indexed: the folder may hold
    // somebody new, and only enrolling tells (photos already enrolled are recognised and skipped).
    boolean enrol = s.pipeline().enrolDir() != null;
    PipelineIndexer.Done done =
        pending.isEmpty() && !enrol
            ? new PipelineIndexer.Done(List.of(), List.of(), Map.of())
            : PipelineIndexer.index(s, pending, err, bars, stop, console);
    List<String> indexed = new ArrayList<>(done.indexed());
    List<String> failed = new ArrayList<>(done.failed());
    results.putAll(done.timelines());
    boolean finished = indexed.size() + failed.size() == pending.size();
    List<VideoFile> decidedBefore = new ArrayList<>(first.current.keySet());
    decidedBefore.addAll(fromArchive.keySet());
    if (enrol && finished && !decidedBefore.isEmpty() && !stop.requested()) {
      // The videos found current, or refreshed, were decided against the gallery before the
      // enrolment.
      Decisions after = decide(decidedBefore, s, console);
      if (!after.pending.isEmpty()) {
        console.status(
            "the enrolment changed the gallery: "
                + after.pending.size()
                + " video(s) indexed before are out of date");
        Map<VideoFile, VideoTimeline> refreshedAfter =
            ArchiveRefresh.refresh(s, after.galleryChanged, console);
        refreshedAfter.forEach(
            (v, t) -> {
              if (refreshedVideos.add(v)) {
                refreshed.add(v.name() + ": " + after.again.get(v));
              }
            });
        results.putAll(refreshedAfter);
        List<VideoFile> toDecode = new ArrayList<>(after.pending);
        toDecode.removeAll(refreshedAfter.keySet());
        if (!toDecode.isEmpty()) {
          PipelineIndexer.Done more = PipelineIndexer.index(s, toDecode, err, bars, stop, console);
          toDecode.forEach(v -> results.put(v, null));
          results.putAll(more.timelines());
          indexed.addAll(more.indexed());
          failed.addAll(more.failed());
          pending.addAll(toDecode);
          toDecode.forEach(v -> again.put(v, after.again.get(v)));
        }
      }
    }
    List<VideoTimeline> timelines = new ArrayList<>();
    results.values().stream().filter(t -> t != null).forEach(timelines::add);
    Path report = s.out().resolve(REPORT);
    try {
      HtmlReport.write(report, "FaceTrail archive index", timelines, Instant.now());
    } catch (UncheckedIOException e) {
      throw new UserFacingException("the archive report was not written: " + e.getMessage(), e);
    }
    int notDone = pending.size() - indexed.size() - failed.size();
    List<String> redone = new ArrayList<>();
    again.forEach(
        (v, why) -> {
          if (indexed.contains(v.name())) {
            redone.add(v.name() + ": " + why);
          }
        });
    List<String> skipped = new ArrayList<>();
    videos.stream()
        .filter(v -> !pending.contains(v) && results.get(v) != null)
        .forEach(v -> skipped.add(v.name()));
    skipped.removeIf(name -> refreshedVideos.stream().anyMatch(v -> v.name().equals(name)));
    return new Result(indexed, redone, refreshed, skipped, failed, notDone, report);
  }

  /**
   * Compares each video's earlier results with its file, the settings and the gallery as it is now;
   * deletes the earlier results of those to redo that name a person no longer in the gallery.
   */
  private static Decisions decide(List<VideoFile> videos, IndexSettings s, RunConsole console) {
    Decisions d = new Decisions();
    try (IndexGallery gallery = IndexGallery.open(s)) {
      IndexedWith with = s.indexedWith().atGallery(gallery.version().text());
      for (VideoFile v : videos) {
        TimelineFiles files = TimelineFiles.of(s.out(), v);
        VideoResults.Previous previous = VideoResults.previous(files, v, with);
        if (previous.current() && !s.force()) {
          d.current.put(v, previous.old().timeline());
          continue;
        }
        d.pending.add(v);
        if (!s.force() && VideoResults.GALLERY_CHANGED.equals(previous.stale())) {
          d.galleryChanged.put(v, previous.old());
        }
        String why = s.force() && previous.old() != null ? "--force" : previous.stale();
        if (why != null) {
          d.again.put(v, why);
          console.status("the earlier results of " + v.name() + " are out of date: " + why);
        }
        if (previous.old() != null && !previous.current()) {
          removeStaleNames(files, v, previous.old(), gallery, console);
        }
      }
    }
    return d;
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
