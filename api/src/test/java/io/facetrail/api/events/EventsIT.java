package io.facetrail.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The events endpoints of a real API service over real HTTP, fed through the in-JVM broker: recent
 * events with every filter, thumbnails, cameras, live delivery, resumption from memory and from the
 * topic, erasure.
 */
class EventsIT {
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

  private EventsApi start(Map<String, String> settings, String... persons) {
    api =
        new EventsApi(
            broker.bootstrapServers(),
            "ev" + PREFIXES.incrementAndGet() + ".",
            dir,
            settings,
            List.of(persons));
    return api;
  }

  /** An event emitted {@code secondsAgo} before now (distinct, increasing times keep order). */
  private static IdentityEvent event(String stream, String track, String personId, Instant at) {
    return TestEvents.event(EVENT_NUMBERS.getAndIncrement(), stream, track, personId, at);
  }

  private static List<String> eventIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("events").forEach(e -> ids.add(e.get("eventId").asString()));
    return ids;
  }

  private static List<String> eventIds(List<SseConnection.Event> events) {
    return EventsApi.eventIds(events);
  }

  private void awaitRecent(int count) {
    await()
        .atMost(WAIT)
        .until(() -> api.json("/api/v1/events?limit=1000").get("events").size() >= count);
  }

  @Test
  void recentEventsFilterByCameraPersonTypeAndTimeWithThumbnailsAndCameras() throws Exception {
    start(Map.of(), "Ada", "Bob");
    String ada = api.personIds.get("Ada");
    String bob = api.personIds.get("Bob");
    Instant t = Instant.now().minusSeconds(60);
    IdentityEvent e1 = event("lobby", "lobby/r0/t0", ada, t);
    IdentityEvent e2 = event("gate", "gate/r0/t0", bob, t.plusSeconds(10));
    IdentityEvent e3 = event("lobby", "lobby/r0/t1", null, t.plusSeconds(20));
    IdentityEvent e4 =
        TestEvents.event(
            EVENT_NUMBERS.getAndIncrement(),
            IdentityEventType.ENDED,
            "lobby",
            "lobby/r0/t0",
            ada,
            t.plusSeconds(30));
    byte[] face = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 42};
    api.observe("lobby", "lobby/r0/t0", 0, new byte[] {(byte) 0xFF, (byte) 0xD8, 1}, 0.4f);
    api.observe("lobby", "lobby/r0/t0", 1, face, 0.8f);
    byte[] yardFace = {(byte) 0xFF, (byte) 0xD8, 2};
    api.observe("yard", "yard cam/r0/t0", 0, yardFace, 0.5f);
    for (IdentityEvent e : List.of(e1, e2, e3, e4)) {
      api.publish(e);
    }
    awaitRecent(4);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !api.json("/api/v1/events?camera=lobby&type=ended")
                    .get("events")
                    .get(0)
                    .get("thumbnailUrl")
                    .isNull());

    JsonNode all = api.json("/api/v1/events");
    assertThat(eventIds(all))
        .containsExactly(e4.eventId(), e3.eventId(), e2.eventId(), e1.eventId());
    assertThat(Instant.parse(all.get("coveredSince").asString()))
        .isBefore(Instant.now().minus(Duration.ofHours(23)));
    assertThat(eventIds(api.json("/api/v1/events?camera=lobby")))
        .containsExactly(e4.eventId(), e3.eventId(), e1.eventId());
    assertThat(eventIds(api.json("/api/v1/events?person=" + ada)))
        .containsExactly(e4.eventId(), e1.eventId());
    assertThat(eventIds(api.json("/api/v1/events?type=unknown"))).containsExactly(e3.eventId());
    assertThat(
            eventIds(
                api.json(
                    "/api/v1/events?since=" + t.plusSeconds(10) + "&until=" + t.plusSeconds(30))))
        .containsExactly(e3.eventId(), e2.eventId());
    assertThat(eventIds(api.json("/api/v1/events?limit=2")))
        .containsExactly(e4.eventId(), e3.eventId());

    JsonNode shown = api.json("/api/v1/events?camera=lobby&type=ended").get("events").get(0);
    assertThat(shown.get("person").get("id").asString()).isEqualTo(ada);
    assertThat(shown.get("streamId").asString()).isEqualTo("lobby");
    assertThat(shown.get("thumbnailUrl").asString())
        .isEqualTo("/api/v1/tracks/lobby/r0/t0/thumbnail.jpg");
    HttpResponse<byte[]> jpeg = api.get(shown.get("thumbnailUrl").asString(), api.viewerKey);
    assertThat(jpeg.statusCode()).isEqualTo(200);
    assertThat(jpeg.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
    assertThat(jpeg.body()).as("the better of the track's two faces").isEqualTo(face);
    assertThat(
            api.json("/api/v1/events?camera=gate")
                .get("events")
                .get(0)
                .get("thumbnailUrl")
                .isNull())
        .isTrue();
    HttpResponse<byte[]> none = api.get("/api/v1/tracks/gate/r0/t0/thumbnail.jpg", api.viewerKey);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(api.get("/api/v1/tracks/lobby/r0/t0/thumbnail.jpg", null).statusCode())
        .isEqualTo(401);

    await()
        .atMost(WAIT)
        .until(
            () ->
                api.get("/api/v1/tracks/yard%20cam/r0/t0/thumbnail.jpg", api.viewerKey).statusCode()
                    == 200);
    assertThat(api.get("/api/v1/tracks/yard%20cam/r0/t0/thumbnail.jpg", api.viewerKey).body())
        .as("a percent-encoded track id")
        .isEqualTo(yardFace);
    JsonNode cameras = api.json("/api/v1/cameras").get("cameras");
    assertThat(cameras).hasSize(3);
    assertThat(cameras.get(0).get("id").asString()).isEqualTo("gate");
    assertThat(cameras.get(0).get("events").asInt()).isEqualTo(1);
    assertThat(cameras.get(1).get("id").asString()).isEqualTo("lobby");
    assertThat(cameras.get(1).get("events").asInt()).isEqualTo(3);
    assertThat(cameras.get(1).get("state").asString()).isEqualTo("seen");
    assertThat(cameras.get(1).get("source").asString()).isEqualTo("events");
    assertThat(Instant.parse(cameras.get(1).get("lastEventAt").asString()))
        .isEqualTo(e4.emittedAt());
    assertThat(cameras.get(2).get("id").asString())
        .as("only its tracks are known")
        .isEqualTo("yard");
    assertThat(cameras.get(2).get("lastEventAt").isNull()).isTrue();

    for (String bad :
        List.of(
            "type=sideways",
            "since=yesterday",
            "limit=0",
            "limit=1001",
            "since=" + t + "&until=" + t)) {
      HttpResponse<byte[]> r = api.get("/api/v1/events?" + bad, api.viewerKey);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(api.get("/api/v1/events", null).statusCode()).isEqualTo(401);
  }

  @Test
  void liveClientsGetEventsAsTheyComeAndResumeExactlyAfterTheirLastEvent() throws Exception {
    start(Map.of());
    Instant t = Instant.now().minusSeconds(100);
    List<IdentityEvent> first = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      first.add(event("cam" + (i % 2), "cam" + (i % 2) + "/r0/t" + i, null, t.plusMillis(i)));
    }
    List<SseConnection.Event> got;
    String lastId;
    try (SseConnection live = api.live("", null);
        SseConnection onlyCam1 = api.live("?camera=cam1", null)) {
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.contentType()).startsWith("text/event-stream");
      // The feed must have reached the topic before the connection: wait for its readiness.
      await().atMost(WAIT).until(() -> api.get("/health/ready", null).statusCode() == 200);
      Thread.sleep(500);
      for (IdentityEvent e : first) {
        api.publish(e);
      }
      got = live.take(3, WAIT);
      assertThat(got).allSatisfy(e -> assertThat(e.type()).isEqualTo("identity"));
      // Live events come as read: in order per partition, not across partitions.
      assertThat(eventIds(got))
          .containsExactlyInAnyOrderElementsOf(first.stream().map(IdentityEvent::eventId).toList());
      assertThat(eventIds(onlyCam1.take(1, WAIT))).containsExactly(first.get(1).eventId());
      lastId = got.get(2).id();
      await().atMost(Duration.ofSeconds(10)).until(() -> live.comments() > 0);
    }
    List<IdentityEvent> missed = new ArrayList<>();
    for (int i = 3; i < 6; i++) {
      missed.add(event("cam" + (i % 2), "cam" + (i % 2) + "/r0/t" + i, null, t.plusMillis(i)));
    }
    for (IdentityEvent e : missed) {
      api.publish(e);
    }
    awaitRecent(6);
    IdentityEvent after = event("cam0", "cam0/r0/t9", null, t.plusMillis(9));
    try (SseConnection resumed = api.live("", lastId)) {
      List<SseConnection.Event> replayed = resumed.take(3, WAIT);
      assertThat(eventIds(replayed))
          .as("exactly the missed events, in order")
          .containsExactlyElementsOf(missed.stream().map(IdentityEvent::eventId).toList());
      api.publish(after);
      assertThat(eventIds(resumed.take(1, WAIT))).containsExactly(after.eventId());
      assertThat(resumed.drain(Duration.ofSeconds(1))).as("nothing twice").isEmpty();
    }
    // An EventSource reconnecting by hand sends the id as a query parameter.
    try (SseConnection byQuery = api.live("?lastEventId=" + lastId + "&camera=cam1", null)) {
      assertThat(eventIds(byQuery.take(2, WAIT)))
          .containsExactly(missed.get(0).eventId(), missed.get(2).eventId());
      assertThat(byQuery.drain(Duration.ofSeconds(1))).isEmpty();
    }
    try (SseConnection bad = api.live("", "not-a-token!")) {
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.errorBody()).contains("Last-Event-ID");
    }
  }

  @Test
  void resumingAfterWhatMemoryHoldsReadsTheTopicAndSaysWhenSomeIsGone() throws Exception {
    start(Map.of("events.recentEvents", "3"));
    Instant t = Instant.now().minusSeconds(100);
    await().atMost(WAIT).until(() -> api.get("/health/ready", null).statusCode() == 200);
    String lastId;
    IdentityEvent seen = event("cam", "cam/r0/t0", null, t);
    try (SseConnection live = api.live("", null)) {
      Thread.sleep(500);
      api.publish(seen);
      lastId = live.take(1, WAIT).get(0).id();
    }
    List<IdentityEvent> missed = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      IdentityEvent e = event("cam", "cam/r0/t" + i, null, t.plusMillis(i));
      missed.add(e);
      api.publish(e);
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                eventIds(api.json("/api/v1/events"))
                    .contains(missed.get(missed.size() - 1).eventId()));
    assertThat(api.json("/api/v1/events").get("events")).as("memory holds 3").hasSize(3);
    try (SseConnection resumed = api.live("", lastId)) {
      assertThat(eventIds(resumed.take(8, WAIT)))
          .as("all 8 missed, the older ones read back from the topic, in order")
          .containsExactlyElementsOf(missed.stream().map(IdentityEvent::eventId).toList());
      assertThat(resumed.drain(Duration.ofSeconds(1))).isEmpty();
    }

    // Records deleted from the topic (as retention does): the client is told, then gets the rest.
    Map<TopicPartition, Long> ends = new java.util.HashMap<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      String topic = api.kafka.topics().identity().name();
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, RecordsToDelete> cut = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        TopicPartition tp = new TopicPartition(topic, p);
        long end =
            admin
                .listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                .partitionResult(tp)
                .get()
                .offset();
        ends.put(tp, end);
        cut.put(tp, RecordsToDelete.beforeOffset(Math.max(0, end - 1)));
      }
      admin.deleteRecords(cut).all().get();
    }
    try (SseConnection fromTheStart = api.live("", lastId)) {
      List<SseConnection.Event> events = fromTheStart.take(1, WAIT);
      assertThat(events.get(0).type()).isEqualTo("reset");
      List<SseConnection.Event> rest =
          fromTheStart.drain(Duration.ofSeconds(3)).stream()
              .filter(e -> e.type().equals("identity"))
              .toList();
      ResumeToken token = ResumeToken.decode(lastId);
      long after =
          ends.entrySet().stream()
              .filter(e -> e.getValue() - 1 >= token.next(e.getKey().partition()))
              .count();
      assertThat(rest)
          .as("the last record of each partition is all the topic still holds after the token")
          .hasSize((int) after);
    }
  }

  @Test
  void erasingAPersonRemovesTheirEventsAndFacesFromMemory() throws Exception {
    start(Map.of(), "Eve", "Dan");
    String eve = api.personIds.get("Eve");
    String dan = api.personIds.get("Dan");
    Instant t = Instant.now().minusSeconds(30);
    byte[] face = {(byte) 0xFF, (byte) 0xD8, 7};
    api.observe("hall", "hall/r0/t0", 0, face, 0.9f);
    api.observe("hall", "hall/r0/t1", 0, face, 0.9f);
    api.publish(event("hall", "hall/r0/t0", eve, t));
    api.publish(event("hall", "hall/r0/t1", dan, t.plusSeconds(1)));
    awaitRecent(2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                api.get("/api/v1/tracks/hall/r0/t0/thumbnail.jpg", api.viewerKey).statusCode()
                    == 200);
    try (SseConnection live = api.live("", null)) {
      assertThat(api.delete("/api/v1/persons/" + eve, api.operatorKey)).isEqualTo(204);
      await().atMost(WAIT).until(() -> api.json("/api/v1/events").get("events").size() == 1);
      assertThat(api.json("/api/v1/events?person=" + eve).get("events")).isEmpty();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.get("/api/v1/tracks/hall/r0/t0/thumbnail.jpg", api.viewerKey).statusCode()
                      == 404);
      assertThat(api.get("/api/v1/tracks/hall/r0/t1/thumbnail.jpg", api.viewerKey).statusCode())
          .isEqualTo(200);
      // A late observation of the erased person's track does not bring the face back, and an event
      // still naming them (a matcher that has not reloaded yet) is neither kept nor sent live.
      api.observe("hall", "hall/r0/t0", 1, face, 0.95f);
      api.publish(event("hall", "hall/r0/t0", eve, t.plusSeconds(2)));
      IdentityEvent later = event("hall", "hall/r0/t2", dan, t.plusSeconds(3));
      api.publish(later);
      assertThat(eventIds(live.take(1, WAIT))).containsExactly(later.eventId());
      awaitRecent(2);
      assertThat(api.get("/api/v1/tracks/hall/r0/t0/thumbnail.jpg", api.viewerKey).statusCode())
          .isEqualTo(404);
      assertThat(api.json("/api/v1/events?person=" + eve).get("events")).isEmpty();
    }
  }
}
