package io.facetrail.matcher.cli;

import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code facetrail matcher --config FILE}: runs the matcher service until stopped. */
@Command(
    name = "matcher",
    mixinStandardHelpOptions = true,
    description = {
      "Run the matcher: track events in, identity events out (Kafka Streams, exactly-once),"
          + " against the gallery in Redis or a local directory.",
      "Settings: the built-in defaults, then --config FILE, then FACETRAIL_* environment variables."
    })
public final class MatcherCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (YAML)")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    MatcherConfig c = MatcherConfig.loader().load(config);
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
