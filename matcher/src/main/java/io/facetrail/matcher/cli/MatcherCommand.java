package io.facetrail.matcher.cli;

import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherService;
import io.facetrail.runtime.cli.ConfigOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail matcher [--config FILE] [--set KEY=VALUE]...}: runs the matcher service until
 * stopped.
 */
@Command(
    name = "matcher",
    mixinStandardHelpOptions = true,
    description = {
      "Run the matcher: track events in, identity events out (Kafka Streams, exactly-once),"
          + " against the gallery in Redis or a local directory.",
      "Settings: the built-in defaults (matcher-defaults.yaml), then --config FILE, then"
          + " FACETRAIL_* environment variables, then --set KEY=VALUE; --print-config shows the"
          + " result."
    })
public final class MatcherCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (config.printIfRequested(MatcherConfig.loader(), spec.commandLine().getOut())) {
      return 0;
    }
    MatcherConfig c = config.load(MatcherConfig.loader());
    CountDownLatch stopped = new CountDownLatch(1);
    MatcherService service = MatcherService.start(c, Clock.systemUTC(), Duration.ofMinutes(2));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "matcher-shutdown"));
    stopped.await();
    return 0;
  }
}
