package io.facetrail.outbound.cli;

import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.outbound.service.OutboundService;
import io.facetrail.runtime.cli.ConfigOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail outbound [--config FILE] [--set KEY=VALUE]... [--print-config]}: pushes identity
 * events to webhooks and MQTT until stopped.
 */
@Command(
    name = "outbound",
    mixinStandardHelpOptions = true,
    description = {
      "Push identity events to integrators: signed HTTP webhooks (retried with back-off, then"
          + " dead-lettered) and MQTT (events per camera, the last person seen, availability)."
          + " At least once: receivers drop repeats by X-FaceTrail-Event-Id.",
      "Settings: the built-in defaults (outbound-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then --set KEY=VALUE; --print-config shows the"
          + " result. Webhooks are a list: give them in the file."
    })
public final class OutboundCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (config.printIfRequested(OutboundConfig.loader(), spec.commandLine().getOut())) {
      return 0;
    }
    OutboundConfig settings = config.load(OutboundConfig.loader());
    OutboundService service = OutboundService.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "outbound-shutdown"));
    // Returns when closed (the hook) or when reading failed: then exit 1 for the supervisor.
    service.awaitStopped();
    return service.failed() ? 1 : 0;
  }
}
