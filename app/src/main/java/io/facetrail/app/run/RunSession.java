package io.facetrail.app.run;

import io.facetrail.api.service.ApiService;
import io.facetrail.app.report.MediaTimeFormat;
import io.facetrail.app.report.TimelineRecorder;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.ingest.engine.IngestListener;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * One all-in-one run from start to summary: start the stages, follow the identity (and, for the
 * optional outputs, tracks) topic, ingest every input, wait for the pipeline to drain, print the
 * summary, write the outputs. A {@link RunStop} cuts it short: inputs stop, the drain waits only
 * {@link #STOP_GRACE}, and the summary says how far the analysis got.
 */
final class RunSession {
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private RunSession() {}

  static int run(RunSettings s, PrintStream out, PrintStream err, RunStop stop)
      throws InterruptedException {
    return run(s, out, err, stop, null);
  }

  /**
   * As {@link #run(RunSettings, PrintStream, PrintStream, RunStop)}, serving the HTTP API and
   * console of {@code serve} (null: not at all) from the start until Ctrl-C, also after the inputs
   * have ended, so the console stays open on the run's results.
   */
  static int run(RunSettings s, PrintStream out, PrintStream err, RunStop stop, ServeOptions serve)
      throws InterruptedException {
    RunConsole console = new RunConsole(err);
    RunOutputs outputs = RunOutputs.of(s);
    PrometheusMeterRegistry registry = ServiceMetrics.create("run");
    try (AllInOne pipeline = new AllInOne()) {
      console.status("starting (gallery: " + s.gallery().describe() + ")");
      ApiService api = null;
      RunCameras cameras = new RunCameras();
      if (serve != null) {
        // The console first, so that it is there while the models load and sees every event.
        pipeline.startBroker(s, System.getenv());
        api = RunApi.start(pipeline, serve, System.getenv(), cameras);
        pipeline.closeWith(api);
        console.status(
            "console on http://127.0.0.1:"
                + api.port()
                + "/console/ (API keys: `facetrail api-keys create --role admin NAME`)");
      }
      pipeline.start(s, System.getenv(), registry, console);
      if (stop.requested()) {
        console.status("stopped before any input was read");
        return 2;
      }
      Map<String, String> names = new LinkedHashMap<>();
      RunSummary[] summary = new RunSummary[1];
      EventPrinter[] printer = new EventPrinter[1];
      TimelineRecorder recorder = new TimelineRecorder(outputs.needsBoxes());
      PipelineProgress progress = new PipelineProgress();
      // The feeds start before the inputs (so they miss nothing); printer and summary need the
      // stream names, known once the inputs have started.
      CountDownLatch ready = new CountDownLatch(1);
      List<TopicFeed<?>> feeds = new ArrayList<>();
      feeds.add(
          pipeline.follow(
              (IdentityEvent e) -> {
                awaitQuietly(ready);
                if (printer[0] == null) {
                  return; // the inputs failed to start: nothing to print
                }
                printer[0].accept(e);
                summary[0].accept(e);
                if (outputs.any()) {
                  // Only the report and the annotated video need the tracks: a live run without
                  // them keeps none.
                  recorder.onIdentity(e);
                }
              }));
      if (outputs.any()) {
        feeds.add(pipeline.followTracks(recorder::onTrack));
      }
      feeds.add(pipeline.followFaces(progress));
      Map<String, StreamOutcome> outcomes = new ConcurrentHashMap<>();
      Map<String, StreamHandle> handles;
      try {
        handles = pipeline.ingest(s, registry, new IngestListener() {});
        cameras.started(handles);
        handles.forEach((id, h) -> names.put(id, h.spec().displayName()));
        summary[0] = new RunSummary(names);
        printer[0] = new EventPrinter(out, s.json(), names);
      } finally {
        // Also when an input cannot start: the identity feed must not wait forever.
        ready.countDown();
      }
      stop.onRequest(() -> handles.values().forEach(StreamHandle::stop));
      console.status(
          "processing "
              + handles.size()
              + " input(s) with "
              + pipeline.galleryPersons()
              + " enrolled person(s); Ctrl-C stops");
      CompletableFuture.allOf(
              handles.values().stream()
                  .map(StreamHandle::completion)
                  .toArray(CompletableFuture[]::new))
          .join();
      for (StreamHandle h : handles.values()) {
        StreamOutcome o = h.completion().join();
        outcomes.put(o.streamId(), o);
        summary[0].ended(o);
      }
      DrainResult drain = pipeline.drain(feeds, DRAIN_TIMEOUT, stop::requested, STOP_GRACE);
      boolean drained = drain.drained();
      boolean stopped = stop.requested();
      if (drain.galleryGaveUp()) {
        console.status(drain.undecidedMessage());
      } else if (stopped && !drained) {
        summary[0].interrupted(analysed(handles, progress));
      } else if (!drained) {
        console.status(
            "the pipeline did not drain within "
                + DRAIN_TIMEOUT.toMinutes()
                + " minutes; the summary may miss the last tracks");
      }
      PrintStream summaryOut = s.json() ? err : out;
      summary[0].print(summaryOut);
      summaryOut.flush();
      boolean written =
          outputs.write(recorder, handles, outcomes, s.fps(), stopped && !drained, console);
      if (api != null && !stop.requested()) {
        console.status(
            "inputs done; still serving the console on port " + api.port() + "; Ctrl-C stops");
        CountDownLatch stopped2 = new CountDownLatch(1);
        stop.onRequest(stopped2::countDown);
        stopped2.await();
      }
      return summary[0].allCompleted() && written && !drain.galleryGaveUp() ? 0 : 2;
    }
  }

  /** Per stream, how far the face analysis got, e.g. {@code analysed up to 00:12.4 of 00:30.0}. */
  private static Map<String, String> analysed(
      Map<String, StreamHandle> handles, PipelineProgress progress) {
    Map<String, String> notes = new LinkedHashMap<>();
    handles.forEach(
        (id, h) -> {
          PipelineProgress.Position p = progress.of(id);
          long durationUs = h.status().durationUs();
          String upTo =
              p.mediaTimeUs() < 0
                  ? "nothing"
                  : "up to " + MediaTimeFormat.format(p.mediaTimeUs() / 1000.0);
          notes.put(
              id,
              "analysed "
                  + upTo
                  + (durationUs > 0 ? " of " + MediaTimeFormat.format(durationUs / 1000.0) : "")
                  + " ("
                  + p.frames()
                  + " frames)");
        });
    return notes;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
