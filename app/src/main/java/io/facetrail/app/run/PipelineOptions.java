package io.facetrail.app.run;

import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.config.DurationParser;
import io.facetrail.runtime.text.DisplayText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
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
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML or .properties file of the stages' settings, in sections embedder, tracker and"
              + " matcher, each as the service's own file (app/README.md, \"Configuration of run"
              + " and index\"; --print-config prints one). Built-in defaults apply to every"
              + " setting it leaves out; FACETRAIL_* variables (the services' names) override it"
              + " (default: none).")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one stage setting by its full key, e.g. --set matcher.decision.fpir=1e-3,"
              + " --set matcher.clusters.joinShare=0.6, --set embedder.faces.minScore=0.5, --set"
              + " tracker.tracking.minHits=4 (repeatable; wins over --config and FACETRAIL_*; the"
              + " options --detection, --device, --model, --fpir and --far, when given, win over"
              + " it). The settings the run decides itself (its broker, endpoints, consumer group,"
              + " Streams application, the gallery's address: use --gallery) are refused.")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(
      names = "--print-config",
      description =
          "Print the effective configuration of every stage (defaults, --config, FACETRAIL_*,"
              + " --set and the options applied; secrets as ******) as YAML that --config accepts,"
              + " and exit without starting anything.")
  boolean printConfig;

  @Option(
      names = "--fps",
      defaultValue = "5",
      description = "Frames analysed per second of video (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--fpir",
      description =
          "False-positive identification rate per decision: the share of decisions about a person"
              + " who is not enrolled that name somebody; the distance threshold follows the"
              + " gallery's size. Stands for matcher.decision.fpir (default: that setting, 0.01).")
  Double fpir;

  @Option(
      names = "--far",
      description =
          "Expert: a fixed false-accept rate per comparison (1e-7 .. 1e-1) instead of --fpir,"
              + " whatever the gallery's size. Stands for matcher.decision.falseAcceptRate"
              + " (default: that setting, none).")
  Double far;

  @Option(
      names = "--device",
      converter = DeviceConverter.class,
      description =
          "cpu, gpu, gpu:N or auto: auto takes the first GPU PyTorch sees, else the CPU. A GPU"
              + " needs PyTorch's CUDA build: start with FACETRAIL_NATIVE=cuda (README.md, \"Using"
              + " a GPU\"; `facetrail device` checks it). Every run prints the device it used and"
              + " why. Stands for embedder.faces.device (default: that setting, auto).")
  DeviceSetting device;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Embed with the trained model in DIR (model.json, e.g. the harmonic v2 of `facetrail"
              + " train harmonic`) instead of v1; persons enrolled with a model it declares"
              + " compatible (v1) are still found. Stands for embedder.faces.embeddingModel"
              + " (default: that setting, v1).")
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
        .optGalleryWait(galleryWait())
        .optConfig(new RunConfigSource(configFile, sets));
  }

  /** Whether {@code --print-config} was given: the command prints and starts nothing. */
  public boolean printConfigRequested() {
    return printConfig;
  }

  /**
   * The work folder to name in settings that are only printed: {@code --work-dir}, or a temporary
   * folder's name, not created (the settings that hold it are the run's and are not printed).
   */
  public Path printedWorkDir() {
    return workDir != null
        ? workDir
        : Path.of(System.getProperty("java.io.tmpdir"), "facetrail-run-work");
  }

  /**
   * Prints the effective configuration of run {@code s} ({@code --print-config}): a comment naming
   * what the run decides itself, then every stage's settings as YAML.
   *
   * @return the exit code, 0
   * @throws io.facetrail.runtime.config.InvalidConfigurationException listing every problem
   */
  public static int printConfig(RunSettings s, Map<String, String> env, PrintWriter out) {
    String yaml = RunPlan.effectiveYaml(s, env);
    out.println("# Effective configuration of the run's stages (--config accepts this file).");
    out.println("# Set by the run itself, not here: its in-process broker, its consumer group and");
    out.println("# Streams application, no HTTP endpoints of the stages, and the gallery:");
    out.println("# " + DisplayText.safe(s.gallery().describe()) + " (--gallery).");
    out.print(yaml);
    out.flush();
    return 0;
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
