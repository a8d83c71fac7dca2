package io.facetrail.app.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
      names = "--gallery",
      paramLabel = "DIR|redis://HOST:PORT",
      defaultValue = "${sys:user.home}/.local/share/facetrail/gallery",
      description =
          "Where enrolled persons are kept: a folder (the local gallery) or a Redis server (default: ${DEFAULT-VALUE}).")
  String gallery;

  @Option(
      names = "--enroll",
      paramLabel = "DIR",
      description =
          "Enrol first: one sub-folder per person, named after them, holding their photos. Persons already in the gallery are kept as they are.")
  Path enrolDir;

  @Option(
      names = "--json",
      description =
          "Print every identity event as one JSON object per line (the identity topic's schema) and nothing else on standard output.")
  boolean json;

  @Option(
      names = "--fps",
      defaultValue = "5",
      description = "Frames analysed per second of video (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--far",
      defaultValue = "0.001",
      description =
          "False-accept rate per comparison that identity decisions are calibrated for (1e-2 .. 1e-4; default: ${DEFAULT-VALUE}).")
  double far;

  @Option(
      names = "--device",
      defaultValue = "auto",
      description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}).")
  String device;

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
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Keep the broker's log and the tracking state here (default: a temporary folder, deleted at the end).")
  Path workDir;

  @Option(
      names = "--verbose",
      description = "Show the services' log lines (INFO) on standard error.")
  boolean verbose;

  /** How long Ctrl-C waits for the summary and the clean-up before the JVM exits anyway. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      RunConsole.quietLogs();
    }
    RunStop stop = new RunStop();
    // Installed first and released last: Ctrl-C at any point waits for the summary and clean-up.
    Thread hook = stop.installHook(STOP_TIMEOUT);
    boolean temporary = workDir == null;
    try {
      Path dir =
          temporary
              ? Files.createTempDirectory("facetrail-run-")
              : Files.createDirectories(workDir);
      try {
        RunSettings s =
            new RunSettings(
                inputs,
                GalleryTarget.parse(gallery),
                enrolDir,
                json,
                fps,
                far,
                device,
                dir,
                report,
                annotate);
        return RunSession.run(s, System.out, System.err, stop);
      } finally {
        if (temporary) {
          deleteTree(dir);
        }
      }
    } finally {
      RunStop.removeHook(hook);
      stop.finished();
    }
  }

  /**
   * Runs the pipeline over the inputs of {@code s} and prints events and the summary; Ctrl-C (a JVM
   * shutdown) stops it with the summary so far.
   *
   * @param out identity events and (unless JSON mode) the summary
   * @param err status lines (and in JSON mode the summary)
   * @return 0 when every input completed and every output was written, 2 otherwise
   */
  public static int run(RunSettings s, PrintStream out, PrintStream err)
      throws InterruptedException {
    RunStop stop = new RunStop();
    Thread hook = stop.installHook(STOP_TIMEOUT);
    try {
      return RunSession.run(s, out, err, stop);
    } finally {
      RunStop.removeHook(hook);
      stop.finished();
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
