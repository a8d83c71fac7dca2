package io.facetrail.tracker.service;

import io.facetrail.runtime.kafka.KafkaSettings;
import java.util.Map;

/**
 * Runs the tracker service in a child JVM for {@link TrackerRestartIT}: arguments are the bootstrap
 * servers, topic prefix, state directory and application id. Runs until killed.
 */
public final class TrackerChildMain {
  private TrackerChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    TrackerConfig loaded =
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
    // A killed instance's group membership and open transaction would otherwise hold its
    // partitions for the default 45 s session and 10 s transaction timeouts.
    KafkaSettings k = loaded.kafka();
    TrackerConfig config =
        new TrackerConfig(
            new KafkaSettings(
                k.bootstrapServers(),
                k.topicPrefix(),
                k.partitions(),
                k.replicationFactor(),
                Map.of(
                    "main.consumer.session.timeout.ms", "6000",
                    "main.consumer.heartbeat.interval.ms", "1000",
                    "producer.transaction.timeout.ms", "5000"),
                k.secrets()),
            loaded.http(),
            loaded.streams(),
            loaded.tracking());
    TrackerService service = TrackerService.start(config);
    service.awaitStopped();
    System.exit(service.failed() ? 1 : 0);
  }
}
