package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The API outlives its broker: while the broker is down the service is not ready (check {@code
 * events}) and requests are still answered from memory; once it is back the feed continues and a
 * live client connected throughout gets the new events.
 */
class EventsBrokerOutageIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void notReadyWhileTheBrokerIsDownAndEventsFlowOnceItIsBack() throws Exception {
    Path kafkaDir = dir.resolve("kafka");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0, Map.of());
    String bootstrap = broker.bootstrapServers();
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    EventsApi api = null;
    try {
      api = new EventsApi(bootstrap, "outage.", dir, Map.of(), List.of());
      EventsApi a = api;
      await().atMost(WAIT).until(() -> a.get("/health/ready", null).statusCode() == 200);
      IdentityEvent before = TestEvents.event(1, "cam", "cam/r0/t1", null, Instant.now());
      try (SseConnection live = api.live("", null)) {
        Thread.sleep(500);
        api.publish(before);
        assertThat(live.take(1, WAIT).get(0).data()).contains(before.eventId());

        broker.close();
        broker = null;
        await().atMost(WAIT).until(() -> a.get("/health/ready", null).statusCode() == 503);
        JsonNode ready = EventsApi.JSON.readTree(a.get("/health/ready", null).body());
        assertThat(ready.get("checks").get("events").get("up").asBoolean()).isFalse();
        assertThat(a.json("/api/v1/events").get("events")).as("memory still answers").hasSize(1);

        broker = EmbeddedKafkaBroker.start(kafkaDir, port, Map.of());
        await().atMost(WAIT).until(() -> a.get("/health/ready", null).statusCode() == 200);
        IdentityEvent after = TestEvents.event(2, "cam", "cam/r0/t2", null, Instant.now());
        api.publish(after);
        assertThat(live.take(1, WAIT).get(0).data()).contains(after.eventId());
        await().atMost(WAIT).until(() -> a.json("/api/v1/events").get("events").size() == 2);
      }
    } finally {
      if (api != null) {
        api.close();
      }
      if (broker != null) {
        broker.close();
      }
    }
  }
}
