package io.facetrail.tracker.service;

import java.util.Map;

/**
 * Runs the tracker service in a child JVM for {@link TrackerRestartIT}: arguments are the bootstrap
 * servers, topic prefix, state directory and application id. Runs until killed.
 */
public final class TrackerChildMain {
  private TrackerChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    TrackerConfig config =
        TrackerConfig.loader()
            .load(
                null,
                Map.of(),
                Map.of(
                    "kafka.bootstrapServers", args[0],
                    "kafka.topicPrefix", args[1],
                    "streams.stateDir", args[2],
                    "streams.applicationId", args[3],
                    "http.enabled", "false"));
    TrackerService service = TrackerService.start(config);
    service.awaitStopped();
    System.exit(service.failed() ? 1 : 0);
  }
}
