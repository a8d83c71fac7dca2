package io.facetrail.app.run;

import io.facetrail.embedder.config.DetectionProfile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
      ""
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "Video files, folders of images, or stream URLs (rtsp://, http(s)://, HLS).")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--json",
      description =
          "Print every identity event as one JSON object per line (the identity topic's schema) and nothing else on standard output.")
  boolean json;

  @Mixin PipelineOptions pipeline = new PipelineOptions();

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
              + " in rotation and windows around small faces already found; archives, or a GPU);"
              + " EXHAUSTIVE: every tile on every frame (about 1.8x the detection time of"
              + " ACCURATE); FAST: one detector pass over the whole frame, small faces in large"
              + " frames are lost (live cameras on a CPU) (default: ${DEFAULT-VALUE}).")
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
    return pipeline.execute(
        "facetrail-run-",
        (dir, stop) ->
            RunSession.run(
                pipeline
                    .settings(dir)
                    .optInputs(inputs)
                    .optJson(json)
                    .optReport(report)
                    .optAnnotate(annotate)
                    .optDetection(detection)
                    .build(),
                System.out,
                System.err,
                stop,
                serve == null ? null : new ServeOptions(serve, java.util.Map.of())));
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
