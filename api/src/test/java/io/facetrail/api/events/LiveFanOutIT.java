package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many live clients on the one feed over real HTTP: fifty get every event, the client bound holds,
 * and a client too slow to keep up is told ({@code event: overflow}) and resumes without loss.
 */
class LiveFanOutIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static final AtomicLong EVENT_NUMBERS = new AtomicLong(1);

  private static EmbeddedKafkaBroker broker;

  @TempDir Path dir;
  private EventsApi api;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startEphemeral();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private EventsApi start(Map<String, String> settings) {
    api =
        new EventsApi(
            broker.bootstrapServers(),
            "fan" + PREFIXES.incrementAndGet() + ".",
            dir,
            settings,
            List.of());
    return api;
  }

  private static IdentityEvent event(String stream, String track, String personId, Instant at) {
    return TestEvents.event(EVENT_NUMBERS.getAndIncrement(), stream, track, personId, at);
  }

  private static List<String> eventIds(List<SseConnection.Event> events) {
    return EventsApi.eventIds(events);
  }

  @Test
  void fiftyLiveClientsShareTheOneFeed() throws Exception {
    start(Map.of());
    await().atMost(WAIT).until(() -> api.get("/health/ready", null).statusCode() == 200);
    List<SseConnection> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        clients.add(api.live("", null));
      }
      Thread.sleep(1000);
      IdentityEvent e = event("cam", "cam/r0/t0", null, Instant.now());
      api.publish(e);
      for (SseConnection c : clients) {
        assertThat(eventIds(c.take(1, WAIT))).containsExactly(e.eventId());
      }
      String metrics = new String(api.get("/metrics", null).body());
      assertThat(metrics).contains("facetrail_api_sse_clients{service=\"api\"} 50.0");
      assertThat(metrics)
          .containsPattern("facetrail_api_sse_events_sent_total\\{service=\"api\"} 50\\.0");
      assertThat(metrics).contains("# HELP facetrail_api_events_received_total");
    } finally {
      for (SseConnection c : clients) {
        c.close();
      }
    }
  }

  @Test
  void aClientTooSlowToKeepUpIsToldAndResumesWithoutLoss() throws Exception {
    start(
        Map.of("events.liveQueue", "5", "events.liveClients", "2", "events.recentEvents", "5000"));
    await().atMost(WAIT).until(() -> api.get("/health/ready", null).statusCode() == 200);
    try (Socket slow = new Socket()) {
      // A small receive window: the server's writes block once its send buffer is full.
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", api.service.port()));
      // HTTP/1.0: the stream is not chunked, it ends when the server closes the connection.
      slow.getOutputStream()
          .write(
              ("GET /api/v1/events/live HTTP/1.0\r\nAuthorization: Bearer "
                      + api.viewerKey
                      + "\r\nAccept: text/event-stream\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
      // Only once the server counts the slow client may the next two be told apart (the third is
      // over the limit): the raw request can still be on its way when they connect.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  new String(api.get("/metrics", null).body())
                      .contains("facetrail_api_sse_clients{service=\"api\"} 1.0"));
      try (SseConnection second = api.live("", null);
          SseConnection third = api.live("", null)) {
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).as("events.liveClients is 2").isEqualTo(503);
      }
      HttpResponse<byte[]> plain = api.get("/api/v1/events/live", api.viewerKey);
      assertThat(plain.statusCode()).as("without Accept: text/event-stream").isEqualTo(406);
      Thread.sleep(500);
      Instant t = Instant.now().minusSeconds(60);
      List<IdentityEvent> burst = new ArrayList<>();
      for (int i = 0; i < 1200; i++) {
        burst.add(
            TestEvents.padded(
                EVENT_NUMBERS.getAndIncrement(), "cam", "cam/r0/t" + i, t.plusMillis(i), 8000));
      }
      api.publishAll(burst);
      // Every event read (not only the newest: partitions are read side by side).
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.json("/api/v1/cameras").get("cameras").get(0).get("events").asInt() == 1200);
      String text = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<SseConnection.Event> events =
          SseConnection.parse(text.substring(text.indexOf("\r\n\r\n") + 4));
      SseConnection.Event last = events.get(events.size() - 1);
      assertThat(last.type()).isEqualTo("overflow");
      List<SseConnection.Event> before = events.subList(0, events.size() - 1);
      assertThat(before.size()).as("fell behind before the end").isLessThan(1200);
      try (SseConnection resumed = api.live("", last.id())) {
        List<String> all = new ArrayList<>(eventIds(before));
        all.addAll(eventIds(resumed.take(1200 - before.size(), WAIT)));
        assertThat(all)
            .as("what came before the overflow and after resuming: each event once")
            .doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(
                burst.stream().map(IdentityEvent::eventId).toList());
        // Live events come in the order they are read: per partition in offset order.
        Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
          order.put(all.get(i), i);
        }
        Map<Integer, Integer> lastPerPartition = new java.util.HashMap<>();
        for (IdentityEvent e : burst) {
          int partition =
              org.apache.kafka.common.utils.Utils.toPositive(
                      org.apache.kafka.common.utils.Utils.murmur2(
                          e.trackId().getBytes(StandardCharsets.UTF_8)))
                  % api.kafka.partitions();
          int at = order.get(e.eventId());
          assertThat(at).isGreaterThan(lastPerPartition.getOrDefault(partition, -1));
          lastPerPartition.put(partition, at);
        }
        assertThat(resumed.drain(Duration.ofSeconds(1))).isEmpty();
      }
      assertThat(new String(api.get("/metrics", null).body()))
          .contains("facetrail_api_sse_overflows_total{service=\"api\"} 1.0");
    }
  }
}
