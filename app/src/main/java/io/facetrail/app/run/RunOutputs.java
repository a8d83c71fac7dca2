package io.facetrail.app.run;

import io.facetrail.app.report.HtmlReport;
import io.facetrail.app.report.InputOutcome;
import io.facetrail.app.report.TimelineRecorder;
import io.facetrail.app.report.VideoTimeline;
import io.facetrail.app.report.video.AnnotatedVideo;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.ingest.source.SourceKind;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The optional outputs of a run ({@code --report}, {@code --annotate}), written after the summary
 * from what the {@link TimelineRecorder} gathered. Output paths are checked before the pipeline
 * starts, so a typo does not cost a whole run.
 */
final class RunOutputs {
  private final Path report;
  private final Path annotate;
  private final boolean annotateIntoFolder;

  private RunOutputs(Path report, Path annotate, boolean annotateIntoFolder) {
    this.report = report;
    this.annotate = annotate;
    this.annotateIntoFolder = annotateIntoFolder;
  }

  /**
   * The outputs {@code s} asks for.
   *
   * @throws UserFacingException when an output cannot be written where asked
   */
  static RunOutputs of(RunSettings s) {
    if (s.report() != null) {
      requireWritableParent(s.report(), "--report");
      if (Files.isDirectory(s.report())) {
        throw new UserFacingException("--report " + s.report() + " is a folder; name an HTML file");
      }
    }
    boolean folder = false;
    if (s.annotate() != null) {
      long files = s.inputs().stream().filter(i -> SourceKind.detect(i) == SourceKind.FILE).count();
      if (files == 0) {
        throw new UserFacingException(
            "--annotate needs a video file among the inputs (streams and image folders cannot be"
                + " decoded a second time)");
      }
      folder =
          Files.isDirectory(s.annotate())
              || s.annotate().toString().endsWith("/")
              || s.inputs().size() > 1;
      if (folder) {
        try {
          Files.createDirectories(s.annotate());
        } catch (IOException e) {
          throw new UserFacingException(
              "--annotate " + s.annotate() + ": cannot create the folder: " + e.getMessage(), e);
        }
      } else {
        requireWritableParent(s.annotate(), "--annotate");
      }
    }
    return new RunOutputs(s.report(), s.annotate(), folder);
  }

  private static void requireWritableParent(Path file, String option) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new UserFacingException(
          option + " " + file + ": the folder " + parent + " does not exist or is not writable");
    }
  }

  /** Whether any output needs the tracks topic. */
  boolean any() {
    return report != null || annotate != null;
  }

  /** Whether observed boxes must be kept (for annotated videos). */
  boolean needsBoxes() {
    return annotate != null;
  }

  /**
   * Writes the outputs.
   *
   * @param stopped whether the run was interrupted: the report shows what there is, annotated
   *     videos (a second full decode) are skipped
   * @return whether every output asked for was written
   */
  boolean write(
      TimelineRecorder recorder,
      Map<String, StreamHandle> handles,
      Map<String, StreamOutcome> outcomes,
      double fps,
      boolean stopped,
      RunConsole console) {
    List<VideoTimeline> timelines = new ArrayList<>();
    for (StreamHandle h : handles.values()) {
      StreamOutcome o = outcomes.get(h.id());
      long durationUs = h.status().durationUs();
      long dropped = recorder.dropped(h.id());
      if (dropped > 0) {
        console.status(
            h.spec().displayName()
                + ": the outputs leave out its "
                + dropped
                + " earliest track(s): a run keeps the last "
                + TimelineRecorder.MAX_TRACKS_PER_STREAM
                + " per input");
      }
      timelines.add(
          recorder.timeline(
              h.id(),
              h.spec().displayName(),
              durationUs < 0 ? -1 : durationUs / 1000.0,
              o == null ? null : InputOutcome.of(o)));
    }
    boolean ok = true;
    if (report != null) {
      try {
        HtmlReport.write(report, "FaceTrail run", timelines, Instant.now());
        console.status("report written to " + report);
      } catch (UncheckedIOException e) {
        console.status("the report was NOT written: " + e.getMessage());
        ok = false;
      }
    }
    if (annotate != null && stopped) {
      console.status("no annotated video: the run was stopped");
    } else if (annotate != null) {
      ok &= annotate(recorder, handles, outcomes, timelines, fps, console);
    }
    return ok;
  }

  private boolean annotate(
      TimelineRecorder recorder,
      Map<String, StreamHandle> handles,
      Map<String, StreamOutcome> outcomes,
      List<VideoTimeline> timelines,
      double fps,
      RunConsole console) {
    boolean ok = true;
    int i = 0;
    for (StreamHandle h : handles.values()) {
      VideoTimeline timeline = timelines.get(i++);
      if (h.spec().kind() != SourceKind.FILE) {
        continue;
      }
      StreamOutcome o = outcomes.get(h.id());
      if (o == null || o.reason() == EndReason.FAILED) {
        console.status(
            "no annotated video of " + h.spec().displayName() + ": it could not be read");
        ok = false;
        continue;
      }
      Path target = annotateIntoFolder ? annotate.resolve(h.id() + ".annotated.mp4") : annotate;
      console.status("writing the annotated video of " + h.spec().displayName());
      try {
        AnnotatedVideo.Result r =
            AnnotatedVideo.write(
                Path.of(h.spec().input()),
                target,
                timeline,
                recorder.boxes(h.id()),
                Math.round(1e6 / fps));
        console.status(
            "annotated video written to "
                + r.file()
                + " ("
                + r.frames()
                + " frames, "
                + r.codec()
                + ")");
      } catch (IOException e) {
        console.status("the annotated video was NOT written: " + e.getMessage());
        ok = false;
      }
    }
    return ok;
  }
}
