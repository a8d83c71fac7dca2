package io.facetrail.app.index;

import io.facetrail.app.run.GalleryTarget;
import io.facetrail.app.run.RunConsole;
import io.facetrail.app.run.RunStop;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code facetrail index}: who appears when in every video of an archive. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Index a video archive: every video of the folders (searched recursively) and files given"
          + " runs through the whole pipeline in this process, one after the other. Per video a"
          + " timeline of who appears when is written as JSON and CSV (faces as JPEG files next to"
          + " them), and one HTML report covers the archive. Videos already indexed (same size,"
          + " modification time and settings) are skipped, so an interrupted run continues where"
          + " it stopped. Unreadable videos are reported and do not stop the others.",
      "",
      "  facetrail index --enroll staff/ archive/",
      "  facetrail index --out results/ --gallery redis://localhost:6379 2023/ 2024/",
      ""
    })
public final class IndexCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "DIR|FILE",
      arity = "1..*",
      description = "Folders of videos (" + ArchiveScan.EXTENSIONS_TEXT + ") and video files.")
  List<Path> inputs = new ArrayList<>();

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
          "Enrol first: one sub-folder per person, named after them, holding their photos (default: none).")
  Path enrolDir;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "facetrail-index",
      description =
          "Where the timelines, faces and the report (index.html) go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--force",
      description =
          "Index every video again, even those already indexed. Needed after the gallery changed:"
              + " the skip check compares the file and the settings, not the enrolled persons"
              + " (default: ${DEFAULT-VALUE}).")
  boolean force;

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
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Keep the broker's log and the tracking state here (default: a temporary folder, deleted at the end).")
  Path workDir;

  @Option(
      names = "--verbose",
      description = "Show the services' log lines (INFO) on standard error.")
  boolean verbose;

  /** How long Ctrl-C waits for the report and the clean-up before the JVM exits anyway. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      RunConsole.quietLogs();
    }
    RunStop stop = new RunStop();
    Thread hook = stop.installHook(STOP_TIMEOUT);
    boolean temporary = workDir == null;
    try {
      Path dir =
          temporary
              ? Files.createTempDirectory("facetrail-index-")
              : Files.createDirectories(workDir);
      try {
        IndexSettings s =
            new IndexSettings(
                inputs, GalleryTarget.parse(gallery), enrolDir, out, force, fps, far, device, dir);
        return run(s, System.out, System.err, System.console() != null, stop);
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
   * Indexes and prints what was done.
   *
   * @param out the result (indexed, skipped, failed, where the report is)
   * @param err status lines and progress
   * @param bars progress bars (a terminal) rather than one line per video
   * @return 0 when every video is indexed, 2 when one failed or the run was stopped
   */
  public static int run(
      IndexSettings s, PrintStream out, PrintStream err, boolean bars, RunStop stop)
      throws InterruptedException {
    ArchiveIndexer.Result r = ArchiveIndexer.run(s, err, bars, stop);
    out.printf(
        "Indexed %d video(s), skipped %d already indexed, %d failed%s%n",
        r.indexed().size(),
        r.skipped().size(),
        r.failed().size(),
        r.notDone() > 0 ? ", " + r.notDone() + " left for the next run (stopped)" : "");
    for (String f : r.failed()) {
      out.println("  FAILED " + f);
    }
    out.println(
        "Timelines in " + s.out().toAbsolutePath() + "; report: " + r.report().toAbsolutePath());
    out.flush();
    return r.failed().isEmpty() && r.notDone() == 0 ? 0 : 2;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the work folder " + dir, e);
    }
  }
}
