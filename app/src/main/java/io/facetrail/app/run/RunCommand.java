package io.facetrail.app.run;

import io.facetrail.embedder.config.DetectionProfile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail run}: the whole pipeline in this process over files or live streams. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the whole pipeline in this process (an in-process Kafka broker, every stage) over video"
          + " files, image folders or live streams. Identity events are printed as they happen;"
          + " a summary per input (who appeared when, unknown faces) follows at the end. Ctrl-C"
          + " stops the inputs and prints the summary so far.",
      "",
      "  facetrail run video.mp4",
      "  facetrail run --enroll staff/ cam1.mp4 rtsp://camera/stream",
      "  facetrail run --gallery redis://localhost:6379 --json archive/*.mp4 > events.jsonl",
      "  facetrail run --enroll staff/ --report run.html --annotate annotated.mp4 lobby.mp4",
      "  facetrail run --set matcher.decision.fpir=1e-3 --set tracker.tracking.minHits=4 cam.mp4",
      "  facetrail run --config run.yaml --print-config",
      "",
      "Stage settings, later ones winning: the stages' built-in defaults, --config FILE (sections"
          + " embedder, tracker, matcher), FACETRAIL_* variables (the services' names, e.g."
          + " FACETRAIL_DECISION_FPIR), --set KEY=VALUE, then the options --detection, --device,"
          + " --model, --fpir and --far when given. --print-config shows the result.",
      ""
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description =
          "Video files, folders of images, or stream URLs (rtsp://, http(s)://, HLS); none with"
              + " --print-config.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--json",
      description =
          "Print every identity event as one JSON object per line (the identity topic's schema) and nothing else on standard output.")
  boolean json;

  @Mixin PipelineOptions pipeline = new PipelineOptions();

  @Spec CommandSpec spec;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description =
          "Also write an HTML report: a face per person and per unknown track, a drawn timeline per"
              + " input (default: none).")
  Path report;

  @Option(
      names = "--annotate",
      paramLabel = "FILE|DIR",
      description =
          "Also write an annotated video (boxes, track numbers, names) of each video file input:"
              + " FILE for one input, else a folder receiving <stream>.annotated.mp4 (default:"
              + " none).")
  Path annotate;

  @Option(
      names = "--detection",
      defaultValue = "ACCURATE",
      description =
          "ACCURATE: faces from 32 px even in 1080p frames (the whole frame every frame, the tiles"
              + " in rotation and windows around small faces already found; archives, or a GPU):"
              + " the configured embedder.faces settings as they are; EXHAUSTIVE: every tile on"
              + " every frame (about 1.8x the detection time of ACCURATE; sets"
              + " embedder.faces.tilesPerFrame=0); FAST: one detector pass over the whole frame,"
              + " small faces in large frames are lost (live cameras on a CPU; sets"
              + " embedder.faces.tiling=false) (default: ${DEFAULT-VALUE}).")
  DetectionProfile detection;

  @Option(
      names = "--serve",
      paramLabel = "PORT",
      description =
          "Also serve the HTTP API and web console on 127.0.0.1:PORT during the run and, after the"
              + " inputs end, until Ctrl-C (default: not at all). Callers need an API key:"
              + " `facetrail api-keys create --role admin NAME`.")
  Integer serve;

  @Override
  public Integer call() throws Exception {
    if (pipeline.printConfigRequested()) {
      // Needs no input: it prints what a run with these options would be configured with.
      return PipelineOptions.printConfig(
          settings(pipeline.printedWorkDir()), System.getenv(), spec.commandLine().getOut());
    }
    if (inputs.isEmpty()) {
      // Not arity 1..*: --print-config needs none.
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'INPUT' (at least one)");
    }
    return pipeline.execute(
        "facetrail-run-",
        (dir, stop) ->
            RunSession.run(
                settings(dir),
                System.out,
                System.err,
                stop,
                serve == null ? null : new ServeOptions(serve, java.util.Map.of())));
  }

  /** The run's settings, with the work folder {@code dir}. */
  RunSettings settings(Path dir) {
    return pipeline
        .settings(dir)
        .optInputs(inputs)
        .optJson(json)
        .optReport(report)
        .optAnnotate(annotate)
        .optDetection(detection)
        .build();
  }

  /**
   * Runs the pipeline over the inputs of {@code s} and prints events and the summary; Ctrl-C (a JVM
   * shutdown) stops it with the summary so far.
   *
   * @param out identity events and (unless JSON mode) the summary
   * @param err status lines (and in JSON mode the summary)
   * @return 0 when every input completed, every track was decided and every output was written, 2
   *     otherwise
   */
  /**
   * As {@link #run(RunSettings, PrintStream, PrintStream)}, also serving the HTTP API and console
   * of {@code serve} until {@code stop} is requested (tests stop it themselves).
   */
  public static int run(
      RunSettings s, PrintStream out, PrintStream err, ServeOptions serve, RunStop stop)
      throws InterruptedException {
    return RunSession.run(s, out, err, stop, serve);
  }

  public static int run(RunSettings s, PrintStream out, PrintStream err)
      throws InterruptedException {
    RunStop stop = new RunStop();
    Thread hook = stop.installHook(PipelineOptions.STOP_TIMEOUT);
    try {
      return RunSession.run(s, out, err, stop);
    } finally {
      RunStop.removeHook(hook);
      stop.finished();
    }
  }
}
