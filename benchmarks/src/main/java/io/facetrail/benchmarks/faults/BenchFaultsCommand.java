package io.facetrail.benchmarks.faults;

import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code facetrail bench faults}. */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "The fault suite: the pipeline as separate processes (a Kafka broker and a redis-server of"
          + " its own on spare loopback ports, embedder, tracker, matcher, ingest), run once"
          + " without a fault and once per fault:",
      "  broker-restart  stop the broker mid-stream, start it again after --outage-seconds",
      "  redis-restart   stop the gallery's redis-server mid-stream, start it again",
      "  kill-embedder, kill-tracker, kill-matcher   SIGKILL the stage mid-batch, start a new one",
      "Each run has a fresh broker and fresh state; its identity events are compared with the"
          + " baseline's by eventId (deterministic: a replay re-emits the same id): lost,"
          + " duplicated, extra, and the seconds from the fault to the stage processing again.",
      "Enrols Colin Powell and Tony Blair from --lfw-dir (3 photos each); the generated video"
          + " shows another photo of each and a stranger. Needs the face models"
          + " (facetrail models fetch) and redis-server on the PATH. Takes 1-2 minutes per run.",
      "Prints one JSON line per run and a summary line; exits 0 only when no run lost or"
          + " duplicated an event. Logs stay in --work-dir when a run fails (named in the output).",
      "",
      "Example:",
      "  facetrail bench faults --lfw-dir ~/data/lfw --scenarios kill-matcher,broker-restart"
    })
public final class BenchFaultsCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(
      names = "--lfw-dir",
      paramLabel = "DIR",
      description =
          "LFW deep-funneled photos (the lfw-deepfunneled folder or its parent): the enrolled"
              + " persons and the faces of the generated video. Required.")
  Path lfwDir;

  @Option(
      names = "--video",
      paramLabel = "FILE",
      description =
          "Ingest this video instead of the generated one (it should show the enrolled persons;"
              + " the comparison works on any video, the identified events need them).")
  Path video;

  @Option(
      names = "--video-seconds",
      defaultValue = "12",
      description = "Length of the generated video (default: ${DEFAULT-VALUE}).")
  double videoSeconds;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "NAME",
      description =
          "Faults to run after the baseline: broker-restart, redis-restart, kill-embedder,"
              + " kill-tracker, kill-matcher (default: all).")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--fps", defaultValue = "5", description = "Ingest rate (default: 5).")
  double fps;

  @Option(
      names = "--detection",
      defaultValue = "FAST",
      description = "The embedder's detection profile, ACCURATE or FAST (default: FAST).")
  String detection;

  @Option(
      names = "--fault-after",
      defaultValue = "10",
      paramLabel = "OFFSETS",
      description =
          "Inject the fault once the embedder has committed this many offsets of the frames topic"
              + " (default: ${DEFAULT-VALUE}; the generated video has fps x seconds frames).")
  long faultAfter;

  @Option(
      names = "--outage-seconds",
      defaultValue = "5",
      description =
          "How long the broker or Redis stays stopped (default: ${DEFAULT-VALUE}; over the"
              + " matcher's 3 s gallery maxStaleness, so decisions are held).")
  double outageSeconds;

  @Option(
      names = "--quiet-seconds",
      defaultValue = "10",
      description =
          "A run ends when ingest has exited, every stage has caught up and no identity event"
              + " came for this long (default: ${DEFAULT-VALUE}).")
  double quietSeconds;

  @Option(
      names = "--run-timeout-seconds",
      defaultValue = "600",
      description = "Longest a run may take (default: ${DEFAULT-VALUE}).")
  long runTimeoutSeconds;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Where runs keep broker data, state and logs (default: a new folder under the"
              + " temporary directory). Deleted after a passing suite unless --keep-work-dir.")
  Path workDir;

  @Option(names = "--keep-work-dir", description = "Keep --work-dir even when every run passed.")
  boolean keepWorkDir;

  @Override
  public Integer call() throws Exception {
    ScenarioPlan plan;
    try {
      plan = ScenarioPlan.parse(scenarios);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--scenarios: " + e.getMessage());
    }
    if (fps <= 0 || videoSeconds <= 0 || faultAfter < 1 || outageSeconds < 0 || quietSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "need --fps > 0, --video-seconds > 0, --fault-after >= 1, --outage-seconds >= 0"
              + " and --quiet-seconds >= 1");
    }
    if (!detection.equals("FAST") && !detection.equals("ACCURATE")) {
      throw new ParameterException(spec.commandLine(), "--detection: FAST or ACCURATE");
    }
    if (lfwDir == null) {
      throw new UserFacingException(
          "bench faults needs --lfw-dir DIR: the LFW deep-funneled photos of the persons it"
              + " enrols and shows in its video (no default location)");
    }
    if (!Files.isDirectory(lfwDir)) {
      throw new UserFacingException("--lfw-dir " + lfwDir + ": no such folder");
    }
    if (video != null && !Files.isRegularFile(video)) {
      throw new UserFacingException("--video " + video + ": no such file");
    }
    LfwCast cast;
    try {
      cast = new LfwCast(lfwDir);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage());
    }
    Path work = workDir != null ? Files.createDirectories(workDir) : tempWorkDir();
    return run(plan, cast, work, System.out);
  }

  private static Path tempWorkDir() throws IOException {
    return Files.createTempDirectory("facetrail-bench-faults-");
  }

  private int run(ScenarioPlan plan, LfwCast cast, Path work, PrintStream out)
      throws IOException, InterruptedException {
    Path clip = video != null ? video : cast.writeVideo(work.resolve("faults.mp4"), videoSeconds);
    RunSettings settings =
        new RunSettings(
            clip,
            fps,
            detection,
            faultAfter,
            Duration.ofMillis(Math.round(outageSeconds * 1000)),
            Duration.ofMillis(Math.round(quietSeconds * 1000)),
            Duration.ofSeconds(runTimeoutSeconds));
    int redisPort = Pipeline.sparePort();
    List<Map<String, Object>> lines = new ArrayList<>();
    try (ChildProcesses children =
        new ChildProcesses(
            Map.of(
                "FACETRAIL_GALLERY_REDIS_HOST",
                "127.0.0.1",
                "FACETRAIL_GALLERY_REDIS_PORT",
                Integer.toString(redisPort),
                "FACETRAIL_ARCHIVE_REDIS_HOST",
                "127.0.0.1",
                "FACETRAIL_ARCHIVE_REDIS_PORT",
                Integer.toString(redisPort)))) {
      RedisServer redis = new RedisServer(children, work.resolve("redis"), redisPort);
      redis.start();
      new GalleryEnrolment(children, work)
          .enrol(cast.enrolmentDir(work.resolve("enrol")), LfwCast.ENROLLED);
      FaultRun runner = new FaultRun(children, redis, settings);
      RunResult baseline = null;
      for (Scenario s : plan.runs()) {
        RunResult r = runner.run(s, work.resolve(s.cliName()));
        if (baseline == null) {
          baseline = r;
        }
        Map<String, Object> line = FaultReport.line(baseline, r, settings);
        lines.add(line);
        out.println(JSON.writeValueAsString(line));
        out.flush();
      }
      redis.stop();
    }
    Map<String, Object> summary = FaultReport.summary(lines, work.toString(), settings);
    boolean passed = "pass".equals(summary.get("result"));
    if (passed && !keepWorkDir) {
      deleteTree(work);
      summary.put("workDir", null);
    }
    out.println(JSON.writeValueAsString(summary));
    out.flush();
    return passed ? 0 : 1;
  }

  /** Deletes the work folder (a --video given from elsewhere is outside it, never touched). */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
