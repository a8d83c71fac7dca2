package io.facetrail.app.run;

import ch.qos.logback.classic.Level;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.ingest.engine.IngestListener;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.engine.StreamOutcome;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
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
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Keep the broker's log and the tracking state here (default: a temporary folder, deleted at the end).")
  Path workDir;

  @Option(
      names = "--verbose",
      description = "Show the services' log lines (INFO) on standard error.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.facetrail"))
          .setLevel(Level.WARN);
    }
    boolean temporary = workDir == null;
    Path dir =
        temporary ? Files.createTempDirectory("facetrail-run-") : Files.createDirectories(workDir);
    RunSettings s =
        new RunSettings(
            inputs, GalleryTarget.parse(gallery), enrolDir, json, fps, far, device, dir, null);
    try {
      return run(s, System.out, System.err);
    } finally {
      if (temporary) {
        deleteTree(dir);
      }
    }
  }

  /**
   * Runs the pipeline over the inputs of {@code s} and prints events and the summary.
   *
   * @param out identity events and (unless JSON mode) the summary
   * @param err status lines (and in JSON mode the summary)
   * @return 0 when every input completed, 2 when one failed or was stopped
   */
  public static int run(RunSettings s, PrintStream out, PrintStream err)
      throws InterruptedException {
    RunConsole console = new RunConsole(err);
    AllInOne.Plan plan = AllInOne.plan(s, s.workDir(), System.getenv());
    PrometheusMeterRegistry registry = ServiceMetrics.create("run");
    CountDownLatch finished = new CountDownLatch(1);
    try (AllInOne pipeline = new AllInOne()) {
      console.status("starting (gallery: " + s.gallery().describe() + ")");
      pipeline.start(plan, s, s.workDir(), registry, console);
      Map<String, String> names = new LinkedHashMap<>();
      RunSummary[] summary = new RunSummary[1];
      EventPrinter[] printer = new EventPrinter[1];
      IdentityFeed feed =
          pipeline.follow(
              (IdentityEvent e) -> {
                printer[0].accept(e);
                summary[0].accept(e);
              });
      // Names are known once the streams exist; events cannot arrive before frames are published.
      Map<String, StreamHandle> handles =
          pipeline.ingest(
              s,
              registry,
              new IngestListener() {
                @Override
                public void ended(StreamOutcome outcome) {
                  if (summary[0] != null) {
                    summary[0].ended(outcome);
                  }
                }
              });
      handles.forEach((id, h) -> names.put(id, h.spec().displayName()));
      summary[0] = new RunSummary(names);
      printer[0] = new EventPrinter(out, s.json(), names);
      handles.values().forEach(h -> h.completion().thenAccept(summary[0]::ended));
      console.status(
          "processing "
              + handles.size()
              + " input(s) with "
              + pipeline.galleryPersons()
              + " enrolled person(s); Ctrl-C stops");
      Thread hook = new Thread(() -> stopAndWait(handles.values(), finished), "run-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      CompletableFuture.allOf(
              handles.values().stream()
                  .map(StreamHandle::completion)
                  .toArray(CompletableFuture[]::new))
          .join();
      if (!pipeline.drain(feed, Duration.ofMinutes(10))) {
        console.status(
            "the pipeline did not drain within 10 minutes; the summary may miss the last tracks");
      }
      PrintStream summaryOut = s.json() ? err : out;
      summary[0].print(summaryOut);
      summaryOut.flush();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C arrived: the hook is running and waits for us to finish.
      }
      return summary[0].allCompleted() ? 0 : 2;
    } finally {
      finished.countDown();
    }
  }

  private static void stopAndWait(Iterable<StreamHandle> handles, CountDownLatch finished) {
    handles.forEach(StreamHandle::stop);
    try {
      finished.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
