package io.facetrail.tracker.service;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code facetrail tracker --config FILE}: runs the tracker service until stopped. */
@Command(
    name = "tracker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the tracker service: links the faces of each stream into tracks (faces topic ->"
          + " tracks topic), exactly-once, with metrics and health on HTTP.",
      "Settings: the built-in defaults, then --config, then FACETRAIL_* environment variables."
    })
public final class TrackerCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML, JSON or .properties file of settings (see tracker-defaults.yaml)")
  Path config;

  @Option(names = "--print-config", description = "Print the effective settings and exit")
  boolean printConfig;

  @Override
  public Integer call() throws InterruptedException {
    TrackerConfig settings = TrackerConfig.loader().load(config);
    if (printConfig) {
      System.out.println(settings);
      return 0;
    }
    TrackerService service = TrackerService.start(settings);
    Thread hook = new Thread(service::close, "tracker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    service.awaitStopped();
    return service.failed() ? 1 : 0;
  }
}
