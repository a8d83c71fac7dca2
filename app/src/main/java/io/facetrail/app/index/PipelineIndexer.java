package io.facetrail.app.index;

import io.facetrail.app.report.InputOutcome;
import io.facetrail.app.report.TimelineRecorder;
import io.facetrail.app.report.VideoTimeline;
import io.facetrail.app.run.AllInOne;
import io.facetrail.app.run.DrainResult;
import io.facetrail.app.run.PipelineProgress;
import io.facetrail.app.run.RunConsole;
import io.facetrail.app.run.RunSettings;
import io.facetrail.app.run.RunStop;
import io.facetrail.app.run.TopicFeed;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.IngestListener;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.matcher.gallery.GalleryVersion;
import io.facetrail.runtime.metrics.ServiceMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the videos to index through one all-in-one pipeline, one at a time: each is ingested, the
 * pipeline drained, and its timeline written before the next starts, so a stop or a crash loses at
 * most the video in progress.
 */
final class PipelineIndexer {
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /**
   * What was done.
   *
   * @param indexed names of the videos indexed
   * @param failed {@code name: why} of the videos that could not be read
   * @param timelines the timelines of both (failed ones without tracks)
   */
  record Done(List<String> indexed, List<String> failed, Map<VideoFile, VideoTimeline> timelines) {}

  private PipelineIndexer() {}

  static Done index(
      IndexSettings s,
      List<VideoFile> videos,
      PrintStream err,
      boolean bars,
      RunStop stop,
      RunConsole console)
      throws InterruptedException {
    RunSettings rs = s.pipeline();
    var registry = ServiceMetrics.create("index");
    List<String> indexed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Map<VideoFile, VideoTimeline> timelines = new LinkedHashMap<>();
    try (AllInOne pipeline = new AllInOne()) {
      console.status("starting (gallery: " + rs.gallery().describe() + ")");
      pipeline.start(rs, System.getenv(), registry, console);
      // Unbounded: each video's timeline must be complete, and is forgotten once written.
      TimelineRecorder recorder = new TimelineRecorder(false, Integer.MAX_VALUE);
      PipelineProgress progress = new PipelineProgress();
      List<TopicFeed<?>> feeds = new ArrayList<>();
      Sightings sightings = new Sightings();
      feeds.add(
          pipeline.follow(
              e -> {
                recorder.onIdentity(e);
                sightings.onIdentity(e);
              }));
      feeds.add(pipeline.followTracks(recorder::onTrack));
      feeds.add(pipeline.followFaces(progress));
      pipeline.openIngest(registry, new IngestListener() {});
      AtomicReference<StreamHandle> current = new AtomicReference<>();
      stop.onRequest(
          () -> {
            StreamHandle h = current.get();
            if (h != null) {
              h.stop();
            }
          });
      console.status(
          "indexing "
              + videos.size()
              + " video(s) with "
              + pipeline.galleryPersons()
              + " enrolled person(s); Ctrl-C stops");
      try (IndexProgress bar = new IndexProgress(err, bars, videos.size())) {
        for (VideoFile v : videos) {
          if (stop.requested()) {
            break;
          }
          SourceStamp stamp;
          try {
            stamp = SourceStamp.of(v.path());
          } catch (IOException e) {
            String why = "cannot read the file: " + e.getMessage();
            failed.add(v.name() + ": " + why);
            timelines.put(v, ArchiveIndexer.failedEntry(v, failure(why)));
            bar.finish(v, "FAILED");
            continue;
          }
          // The gallery version the matcher decides against, read before and after the video: a
          // timeline decided across a change records none, so the next run indexes it again.
          String galleryAt = pipeline.galleryVersion().map(GalleryVersion::text).orElse(null);
          StreamHandle h = pipeline.startStream(v.path().toString(), rs.fps());
          current.set(h);
          if (stop.requested()) {
            h.stop();
          }
          bar.start(v, () -> position(h, progress));
          StreamOutcome o = h.completion().join();
          DrainResult drain = pipeline.drain(feeds, DRAIN_TIMEOUT, stop::requested, STOP_GRACE);
          boolean drained = drain.drained();
          current.set(null);
          InputOutcome outcome = InputOutcome.of(o);
          if (drain.galleryGaveUp()) {
            // Its timeline would lack the undecided tracks' names; the videos after it would wait
            // for the same gallery in vain, so indexing stops here (they count as not done).
            failed.add(v.name() + ": " + drain.undecidedMessage());
            bar.finish(v, "NOT SAVED (see the end)");
            recorder.forget(h.id());
            break;
          } else if (o.reason() == EndReason.FAILED) {
            failed.add(v.name() + ": " + o.detail());
            timelines.put(v, ArchiveIndexer.failedEntry(v, outcome));
            bar.finish(v, "FAILED (see the end)");
          } else if (o.reason() == EndReason.STOPPED || !drained) {
            bar.finish(v, stop.requested() ? "stopped, not saved" : "did not drain, not saved");
            if (!stop.requested()) {
              failed.add(
                  v.name()
                      + ": the pipeline did not finish it within "
                      + DRAIN_TIMEOUT.toMinutes()
                      + " minutes");
            }
          } else {
            long durationUs = h.status().durationUs();
            VideoTimeline t =
                recorder.timeline(
                    h.id(), v.name(), durationUs < 0 ? -1 : durationUs / 1000.0, outcome);
            try {
              boolean sameGallery =
                  galleryAt != null
                      && galleryAt.equals(
                          pipeline.galleryVersion().map(GalleryVersion::text).orElse(null));
              IndexedWith with = s.indexedWith().atGallery(sameGallery ? galleryAt : null);
              t =
                  VideoResults.write(
                      TimelineFiles.of(s.out(), v), v, t, sightings.of(h.id()), stamp, with);
              indexed.add(v.name());
              timelines.put(v, t);
              bar.finish(v, describe(t));
            } catch (IOException e) {
              failed.add(v.name() + ": its results could not be written: " + e.getMessage());
              bar.finish(v, "NOT SAVED (see the end)");
            }
          }
          recorder.forget(h.id());
          sightings.forget(h.id());
        }
      }
    }
    return new Done(indexed, failed, timelines);
  }

  private static IndexProgress.Position position(StreamHandle h, PipelineProgress progress) {
    long durationUs = h.status().durationUs();
    PipelineProgress.Position p = progress.of(h.id());
    double analysed = p.ended() ? Math.max(durationUs, p.mediaTimeUs()) : p.mediaTimeUs();
    return new IndexProgress.Position(
        Math.max(0, analysed / 1000.0), durationUs < 0 ? -1 : durationUs / 1000.0);
  }

  private static InputOutcome failure(String why) {
    return new InputOutcome(InputOutcome.Status.FAILED, why, 0, 0, 0);
  }

  /** E.g. {@code 2 persons, 1 unknown track}. */
  static String describe(VideoTimeline t) {
    int persons = t.persons().size();
    int unknown = t.unknownTracks().size();
    return String.format(
        Locale.ROOT,
        "%d person%s, %d unknown track%s",
        persons,
        persons == 1 ? "" : "s",
        unknown,
        unknown == 1 ? "" : "s");
  }
}
