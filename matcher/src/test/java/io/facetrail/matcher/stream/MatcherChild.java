package io.facetrail.matcher.stream;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the matcher service from a configuration file as its own JVM, for the crash test to kill:
 * what {@code facetrail matcher --config FILE} does without a hosted tracker (the command itself is
 * the app's).
 */
public final class MatcherChild {
  private MatcherChild() {}

  public static void main(String[] args) throws InterruptedException {
    MatcherConfig config = MatcherConfig.loader().load(Path.of(args[0]));
    MatcherService service = MatcherService.start(config, Clock.systemUTC(), Duration.ofMinutes(2));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "matcher-child-shutdown"));
    service.awaitStopped();
    System.exit(service.failed() ? 1 : 0);
  }
}
