package io.facetrail.embedder.cli;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.embedder.service.EmbedderService;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the embedder service until stopped (SIGTERM / Ctrl-C) or until it fails for good. */
@Command(
    name = "embedder",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedder service: consume the frames topic, detect, align and embed every face in"
          + " batches, produce one faces record per frame (exactly once).",
      "Settings: the built-in defaults (embedder-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then --detection, then --set KEY=VALUE;"
          + " --print-config shows the result.",
      "Device: faces.device (cpu, gpu, gpu:N, auto; default auto: the first GPU PyTorch sees,"
          + " else the CPU). A GPU needs PyTorch's CUDA build: start with FACETRAIL_NATIVE=cuda"
          + " (README.md, \"Using a GPU\"; `facetrail device` checks it). The log line \"Face"
          + " models run on ...\" says which device the service used and why."
    })
public final class EmbedderCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(EmbedderCommand.class);

  @Mixin ConfigOptions config;

  @Option(
      names = "--detection",
      paramLabel = "FAST|ACCURATE|EXHAUSTIVE",
      description =
          "The face-detection profile of `facetrail run --detection`: ACCURATE, faces from 32 px"
              + " even in 1080p frames (the whole frame on every frame, the tiles spread over a"
              + " stream's frames with windows on the small faces found; archives, or a GPU);"
              + " EXHAUSTIVE, every tile on every frame (ACCURATE before 2026-12-07); FAST, one"
              + " detector pass over the whole frame, small faces in large frames are lost (live"
              + " cameras on a CPU). Sets faces.* settings over the file and the environment;"
              + " --set still wins (default: the configuration's faces settings, which are"
              + " ACCURATE's).")
  DetectionProfile detection;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> profile = detection == null ? Map.of() : detection.settings();
    if (config.printIfRequested(EmbedderConfig.loader(), profile, spec.commandLine().getOut())) {
      return 0;
    }
    EmbedderConfig c = config.load(EmbedderConfig.loader(), profile);
    if (detection != null) {
      log.info("Detection profile {}: {}", detection, profile.isEmpty() ? "defaults" : profile);
    }
    log.info("Starting the embedder with {}", c);
    PrometheusMeterRegistry registry = ServiceMetrics.create("embedder");
    Health health = new Health();
    try (ServiceEndpoint endpoint =
            c.http().enabled()
                ? ServiceEndpoint.start("embedder", c.http(), registry, health)
                : null;
        EmbedderService service = EmbedderService.start(c, registry, health)) {
      Thread hook = new Thread(service::close, "embedder-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      Throwable failure = service.awaitStop(Duration.ofDays(36_500));
      if (failure != null) {
        log.error("Embedder stopped: {}", failure.getMessage());
        return 1;
      }
      return 0;
    }
  }
}
