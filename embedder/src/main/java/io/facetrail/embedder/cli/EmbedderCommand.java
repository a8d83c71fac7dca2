package io.facetrail.embedder.cli;

import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.embedder.service.EmbedderService;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the embedder service until stopped (SIGTERM / Ctrl-C) or until it fails for good. */
@Command(
    name = "embedder",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedder service: consume the frames topic, detect, align and embed every face in"
          + " batches, produce one faces record per frame (exactly once).",
      "Settings: the built-in defaults (embedder-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then --set KEY=VALUE; --print-config shows the"
          + " result."
    })
public final class EmbedderCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(EmbedderCommand.class);

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (config.printIfRequested(EmbedderConfig.loader(), spec.commandLine().getOut())) {
      return 0;
    }
    EmbedderConfig c = config.load(EmbedderConfig.loader());
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
