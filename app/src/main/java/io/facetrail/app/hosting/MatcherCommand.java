package io.facetrail.app.hosting;

import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherService;
import io.facetrail.matcher.stream.MatcherWiring;
import io.facetrail.runtime.cli.ConfigOptions;
import io.facetrail.runtime.streams.StreamsPart;
import io.facetrail.tracker.stream.TrackerPart;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail matcher [--config FILE] [--set KEY=VALUE]...}: runs the matcher service until
 * stopped, with the tracker in its Streams application when {@code tracker.hosted} is set.
 */
@Command(
    name = "matcher",
    mixinStandardHelpOptions = true,
    description = {
      "Run the matcher: track events in, identity events out (Kafka Streams, exactly-once),"
          + " against the gallery in Redis or a local directory. With tracker.hosted: true it"
          + " also runs the tracker (faces topic in).",
      "Settings: the built-in defaults (matcher-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then --set KEY=VALUE; --print-config shows the"
          + " result."
    })
public final class MatcherCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (config.printIfRequested(MatcherServiceConfig.loader(), spec.commandLine().getOut())) {
      return 0;
    }
    MatcherServiceConfig c = config.load(MatcherServiceConfig.loader());
    MatcherService service =
        start(c, Clock.systemUTC(), Duration.ofMinutes(2), MatcherWiring.thresholds(c.matcher()));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "matcher-shutdown"));
    // Returns when the application is closed (the hook) or gave up on failing threads: then exit 1
    // for the supervisor to restart the service, as the tracker does.
    service.awaitStopped();
    return service.failed() ? 1 : 0;
  }

  /** Starts the matcher of {@code c}, hosting the tracker when its configuration says so. */
  static MatcherService start(
      MatcherServiceConfig c, Clock clock, Duration startTimeout, Thresholds thresholds) {
    MatcherConfig matcher = c.matcher();
    List<StreamsPart> hosted =
        c.tracker().hosted()
            ? List.of(new TrackerPart(matcher.kafka().topics(), c.tracker().tracking()))
            : List.of();
    return MatcherService.start(matcher, clock, startTimeout, thresholds, hosted);
  }
}
