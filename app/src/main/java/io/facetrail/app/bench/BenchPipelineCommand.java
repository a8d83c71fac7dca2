package io.facetrail.app.bench;

import io.facetrail.app.run.AllInOne;
import io.facetrail.app.run.DeviceConverter;
import io.facetrail.app.run.DrainResult;
import io.facetrail.app.run.IdentityRate;
import io.facetrail.app.run.PipelineProgress;
import io.facetrail.app.run.RunConsole;
import io.facetrail.app.run.RunPlan;
import io.facetrail.app.run.RunSettings;
import io.facetrail.app.run.TopicFeed;
import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.faces.device.NativeTuning;
import io.facetrail.ingest.engine.EndReason;
import io.facetrail.ingest.engine.IngestListener;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.metrics.ServiceMetrics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code facetrail bench pipeline}: the whole all-in-one pipeline (in-process broker, ingest,
 * embedder, tracker and matcher) on a clip. Three phases on one pipeline: an enrolment pass (the
 * clip's own people enrolled from their tracks), a throughput phase (the clip ingested back to back
 * as fast as it goes: real-time factor), and a live phase (the clip's frames looped as a camera at
 * real pace: latency from capture to the {@code identified} event).
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Real-time factor and identification latency of the whole all-in-one pipeline on a clip"
          + " looped to --seconds; prints JSON lines with the exact configuration.",
      "  facetrail bench pipeline opera-house-pedestrians-1080p.mp4 --seconds 60"
    })
public final class BenchPipelineCommand implements Callable<Integer> {
  static final double TARGET_REAL_TIME_FACTOR = 1.0;
  static final long TARGET_MEDIAN_LATENCY_MS = 1_000;
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);

  @Parameters(paramLabel = "VIDEO", description = "A video with faces, looped to cover --seconds.")
  Path video;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "Seconds of video in each measured phase (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--fps",
      defaultValue = "5",
      description = "Frames analysed per second of video (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--fpir",
      defaultValue = "0.01",
      description =
          "False-positive identification rate per decision, as in run (default: ${DEFAULT-VALUE}).")
  double fpir;

  @Option(
      names = "--far",
      description = "Expert: a fixed false-accept rate per comparison instead of --fpir.")
  Double far;

  @Option(
      names = "--detection",
      defaultValue = "ACCURATE",
      description =
          "ACCURATE (the whole frame, tiles in rotation and windows around small faces),"
              + " EXHAUSTIVE (every tile on every frame) or FAST (one detector pass over the whole"
              + " frame), as in `facetrail run` (default: ${DEFAULT-VALUE}).")
  DetectionProfile detection;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      converter = DeviceConverter.class,
      description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
  DeviceSetting device;

  @Override
  public Integer call() throws Exception {
    RunConsole.quietLogs();
    if (!Files.isRegularFile(video)) {
      throw new UserFacingException("video not found: " + video);
    }
    ClipFrames clip = ClipFrames.sample(video, fps);
    double clipSeconds = clip.jpegs().size() / clip.sampledFps();
    int loops = (int) Math.ceil(seconds / clipSeconds);
    int liveFrames = clip.framesFor(seconds);
    Path work = Files.createTempDirectory("facetrail-bench-pipeline-");
    RunSettings s =
        RunSettings.builder()
            .setGallery(GalleryTarget.parse(work.resolve("gallery").toString()))
            .setWorkDir(work)
            .optFps(clip.sampledFps())
            .optRate(new IdentityRate(fpir, far))
            .optDevice(device)
            .optDetection(detection)
            .build();
    double loadBefore = loadAverage();
    RunConsole console = new RunConsole(System.err);
    var registry = ServiceMetrics.create("bench");
    try (AllInOne pipeline = new AllInOne()) {
      // The stages' configurations are made once the in-process broker runs.
      pipeline.start(s, System.getenv(), registry, console);
      printConfig(clip, clipSeconds, loops, liveFrames, loadBefore, pipeline.plan());
      String live = "bench-live";
      ClipEnrolment enrolment = new ClipEnrolment();
      LatencyRecorder latency = new LatencyRecorder(live);
      PipelineProgress progress = new PipelineProgress();
      List<TopicFeed<?>> feeds = new ArrayList<>();
      feeds.add(pipeline.follow(latency));
      feeds.add(pipeline.followTracks(enrolment));
      feeds.add(pipeline.followFaces(progress));
      pipeline.openIngest(registry, new IngestListener() {});

      console.status("enrolment pass over the clip");
      StreamHandle pass = pipeline.startStream(video.toString(), fps);
      enrolment.streamIs(pass.id());
      finish(pass);
      drain(pipeline, feeds);
      int persons = enrolment.enrol(pipeline.gallery());
      awaitGallery(pipeline, persons);
      Map<String, Object> enrolled = new LinkedHashMap<>();
      enrolled.put("bench", "pipeline");
      enrolled.put("phase", "enrolment");
      enrolled.put("tracks", enrolment.tracks());
      enrolled.put("personsEnrolled", persons);
      BenchJson.print(enrolled);
      if (persons == 0) {
        throw new UserFacingException(
            "no track of "
                + video
                + " lasted "
                + ClipEnrolment.MIN_OBSERVATIONS
                + " frames: nobody to identify, no latency to measure");
      }

      console.status("throughput: the clip " + loops + " times, as fast as it goes");
      StageTimes stagesBefore = StageTimes.snapshot(registry);
      long t0 = System.nanoTime();
      long analysed = 0;
      List<String> streams = new ArrayList<>();
      // Ingest reads far ahead of the models: the bar follows the analysis, not the decoder.
      try (AnalysisBar bar =
          new AnalysisBar("throughput", (long) loops * clip.jpegs().size(), progress, streams)) {
        for (int i = 0; i < loops; i++) {
          StreamHandle h = pipeline.startStream(video.toString(), fps);
          bar.add(h.id());
          analysed += finish(h).counts().framesSelected();
        }
        drain(pipeline, feeds);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> throughput = new LinkedHashMap<>();
      throughput.put("bench", "pipeline");
      throughput.put("phase", "throughput");
      throughput.put("mediaSeconds", loops * clipSeconds);
      throughput.put("framesAnalysed", analysed);
      throughput.put("wallSeconds", wall);
      throughput.put("framesPerSecond", analysed / wall);
      throughput.put("realTimeFactor", loops * clipSeconds / wall);
      throughput.put("wallMsPerFrame", Math.round(wall * 1e4 / Math.max(1, analysed)) / 10.0);
      throughput.putAll(StageTimes.snapshot(registry).perFrameSince(stagesBefore, analysed));
      throughput.put("loadAverage", loadAverage());
      BenchJson.print(throughput);

      console.status("live: " + liveFrames + " frames at " + clip.sampledFps() + " fps");
      long l0 = System.nanoTime();
      long lateMs;
      long lastFrame;
      try (AnalysisBar bar =
          new AnalysisBar("live", liveFrames, progress, new ArrayList<>(List.of(live)))) {
        lateMs = PacedCamera.publish(pipeline.kafka(), pipeline.topics(), live, clip, liveFrames);
        lastFrame = System.nanoTime();
        drain(pipeline, feeds);
      }
      long drained = System.nanoTime();
      List<Long> ms = latency.sorted();
      long median = LatencyRecorder.quantile(ms, 0.5);
      double liveWall = (drained - l0) / 1e9;
      Map<String, Object> liveLine = new LinkedHashMap<>();
      liveLine.put("bench", "pipeline");
      liveLine.put("phase", "live");
      liveLine.put("mediaSeconds", liveFrames / clip.sampledFps());
      liveLine.put("wallSecondsUntilDrained", liveWall);
      liveLine.put("drainAfterLastFrameMs", (drained - lastFrame) / 1_000_000);
      liveLine.put("worstFrameLatenessMs", lateMs);
      liveLine.put("identityEvents", latency.events());
      liveLine.put("identifiedEvents", ms.size());
      liveLine.put("medianLatencyMs", median);
      liveLine.put("p90LatencyMs", LatencyRecorder.quantile(ms, 0.9));
      liveLine.put("p99LatencyMs", LatencyRecorder.quantile(ms, 0.99));
      liveLine.put("minLatencyMs", ms.isEmpty() ? -1 : ms.get(0));
      liveLine.put("maxLatencyMs", ms.isEmpty() ? -1 : ms.get(ms.size() - 1));
      liveLine.put("loadAverage", loadAverage());
      BenchJson.print(liveLine);

      double rtf = loops * clipSeconds / wall;
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("bench", "pipeline");
      summary.put("realTimeFactor", rtf);
      summary.put("medianLatencyMs", median);
      summary.put("p99LatencyMs", LatencyRecorder.quantile(ms, 0.99));
      summary.put("targetRealTimeFactor", TARGET_REAL_TIME_FACTOR);
      summary.put("targetMedianLatencyMs", TARGET_MEDIAN_LATENCY_MS);
      summary.put(
          "pass",
          rtf >= TARGET_REAL_TIME_FACTOR && median >= 0 && median <= TARGET_MEDIAN_LATENCY_MS);
      BenchJson.print(summary);
    } finally {
      deleteTree(work);
    }
    return 0;
  }

  private static StreamOutcome finish(StreamHandle h) {
    StreamOutcome o = h.completion().join();
    if (o.reason() != EndReason.COMPLETED) {
      throw new UserFacingException("the clip could not be read: " + o.detail());
    }
    return o;
  }

  private static void drain(AllInOne pipeline, List<TopicFeed<?>> feeds)
      throws InterruptedException {
    DrainResult drained = pipeline.drain(feeds, DRAIN_TIMEOUT);
    if (drained.galleryGaveUp()) {
      throw new IllegalStateException(drained.undecidedMessage());
    }
    if (!drained.drained()) {
      throw new IllegalStateException(
          "the pipeline did not drain within " + DRAIN_TIMEOUT.toMinutes() + " minutes");
    }
  }

  /** The matcher reads gallery changes in the background; the phases need the persons in it. */
  private static void awaitGallery(AllInOne pipeline, int persons) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (pipeline.galleryPersons() < persons) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the matcher did not see the " + persons + " enrolled persons within 60 s");
      }
      Thread.sleep(100);
    }
  }

  /** The first result line: the benchmark's exact configuration. */
  private void printConfig(
      ClipFrames clip,
      double clipSeconds,
      int loops,
      int liveFrames,
      double loadBefore,
      RunPlan plan) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("bench", "pipeline");
    config.put("video", video.toAbsolutePath().toString());
    config.put("frameSize", clip.width() + "x" + clip.height());
    config.put("clipSeconds", clipSeconds);
    config.put("sampledFps", clip.sampledFps());
    config.put("throughputLoops", loops);
    config.put("throughputSeconds", loops * clipSeconds);
    config.put("liveFrames", liveFrames);
    config.put("liveSeconds", liveFrames / clip.sampledFps());
    config.put("identityRate", new IdentityRate(fpir, far).toString());
    config.put("enrolMinObservations", ClipEnrolment.MIN_OBSERVATIONS);
    config.put("enrolCodesPerPerson", ClipEnrolment.CODES_PER_PERSON);
    config.put("detection", detection.name());
    config.put("faces", plan.embedder().faces().toString());
    config.put("batching", plan.embedder().batching().toString());
    config.put("environment", NativeTuning.current());
    config.put("tracking", plan.tracking().toString());
    config.put(
        "latency",
        "identified event read from the identity topic minus the capture time of the last frame"
            + " the decision used; live frames are pre-encoded JPEGs published at real pace");
    config.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    config.put("loadAverageBefore", loadBefore);
    BenchJson.print(config);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
