package io.facetrail.app.run;

import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.config.DurationParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Options of every command that runs the whole pipeline in this process ({@code run}, {@code
 * index}), and how such a command is executed: quiet logs unless {@code --verbose}, a Ctrl-C hook
 * that waits for the summary, a work folder that is temporary unless {@code --work-dir}.
 */
public final class PipelineOptions {
  /** How long Ctrl-C waits for the summary and the clean-up before the JVM exits anyway. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  @Option(
      names = "--gallery",
      paramLabel = "DIR|URL",
      defaultValue = GalleryTarget.DEFAULT,
      description =
          "Where enrolled persons are kept: a folder (the local gallery) or a Redis server"
              + " (redis[s]://[USER:PASSWORD@]HOST:PORT[/DB][?keyPrefix=PREFIX]); the gallery"
              + " commands use the same default (default: ${DEFAULT-VALUE}).")
  String gallery;

  @Option(
      names = "--enroll",
      paramLabel = "DIR",
      description =
          "Enrol first: one sub-folder per person, named after them, holding their photos. A"
              + " person already in the gallery under that name gets only the photos it does not"
              + " have yet (as gallery enroll --dir; default: none).")
  Path enrolDir;

  @Option(
      names = "--fps",
      defaultValue = "5",
      description = "Frames analysed per second of video (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--fpir",
      defaultValue = "0.01",
      description =
          "False-positive identification rate per decision: the share of decisions about a person"
              + " who is not enrolled that name somebody; the distance threshold follows the"
              + " gallery's size (default: ${DEFAULT-VALUE}).")
  double fpir;

  @Option(
      names = "--far",
      description =
          "Expert: a fixed false-accept rate per comparison (1e-7 .. 1e-1) instead of --fpir,"
              + " whatever the gallery's size (default: none).")
  Double far;

  @Option(
      names = "--device",
      defaultValue = "auto",
      converter = DeviceConverter.class,
      description =
          "cpu, gpu, gpu:N or auto: auto takes the first GPU PyTorch sees, else the CPU. A GPU"
              + " needs PyTorch's CUDA build: start with FACETRAIL_NATIVE=cuda (README.md, \"Using"
              + " a GPU\"; `facetrail device` checks it). Every run prints the device it used and"
              + " why (default: ${DEFAULT-VALUE}).")
  DeviceSetting device;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Embed with the trained model in DIR (model.json, e.g. the harmonic v2 of `facetrail"
              + " train harmonic`) instead of v1; persons enrolled with a model it declares"
              + " compatible (v1) are still found (default: v1).")
  Path model;

  @Option(
      names = "--gallery-wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "How long, once the inputs are analysed, to wait for a gallery that became unreachable"
              + " before giving up on the decisions held back for it; the command then exits 2"
              + " saying how many tracks were left undecided (default: ${DEFAULT-VALUE}).")
  String galleryWait;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Keep the broker's log and the tracking state here (default: a temporary folder,"
              + " deleted at the end).")
  Path workDir;

  @Option(
      names = "--verbose",
      description = "Show the services' log lines (INFO) on standard error.")
  boolean verbose;

  /**
   * The run's settings these options give, with the work folder {@code workDir}; the command adds
   * its own options.
   *
   * @throws UserFacingException when {@code --gallery} or {@code --gallery-wait} is malformed
   */
  public RunSettings.Builder settings(Path workDir) {
    return RunSettings.builder()
        .setGallery(galleryTarget())
        .setWorkDir(workDir)
        .optEnrolDir(enrolDir)
        .optFps(fps)
        .optRate(new IdentityRate(fpir, far))
        .optDevice(device)
        .optEmbeddingModel(model)
        .optGalleryWait(galleryWait());
  }

  private GalleryTarget galleryTarget() {
    return GalleryTarget.parse(gallery);
  }

  /**
   * The value of {@code --gallery-wait}.
   *
   * @throws UserFacingException when it is no duration
   */
  private Duration galleryWait() {
    try {
      return DurationParser.parse(galleryWait);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("--gallery-wait " + galleryWait + ": " + e.getMessage(), e);
    }
  }

  /** A pipeline job, given its work folder and the Ctrl-C signal. */
  @FunctionalInterface
  public interface Job {
    int run(Path workDir, RunStop stop) throws Exception;
  }

  /**
   * Runs {@code job} as a command: the Ctrl-C hook is installed first and released last, so Ctrl-C
   * at any point waits for the summary and the clean-up.
   *
   * @param tempPrefix name prefix of the temporary work folder
   */
  public int execute(String tempPrefix, Job job) throws Exception {
    if (!verbose) {
      RunConsole.quietLogs();
    }
    RunStop stop = new RunStop();
    Thread hook = stop.installHook(STOP_TIMEOUT);
    boolean temporary = workDir == null;
    try {
      Path dir =
          temporary ? Files.createTempDirectory(tempPrefix) : Files.createDirectories(workDir);
      try {
        return job.run(dir, stop);
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
