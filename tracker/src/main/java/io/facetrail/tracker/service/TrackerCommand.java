package io.facetrail.tracker.service;

import io.facetrail.runtime.cli.ConfigOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail tracker [--config FILE] [--set KEY=VALUE]...}: runs the tracker service until
 * stopped.
 */
@Command(
    name = "tracker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the tracker service: links the faces of each stream into tracks (faces topic ->"
          + " tracks topic), exactly-once, with metrics and health on HTTP.",
      "Settings: the built-in defaults (tracker-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then --set KEY=VALUE; --print-config shows the"
          + " result."
    })
public final class TrackerCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (config.printIfRequested(TrackerConfig.loader(), spec.commandLine().getOut())) {
      return 0;
    }
    TrackerConfig settings = config.load(TrackerConfig.loader());
    TrackerService service = TrackerService.start(settings);
    Thread hook = new Thread(service::close, "tracker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    service.awaitStopped();
    return service.failed() ? 1 : 0;
  }
}
