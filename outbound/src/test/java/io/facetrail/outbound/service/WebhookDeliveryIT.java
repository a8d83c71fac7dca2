package io.facetrail.outbound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.outbound.SampleEvents;
import io.facetrail.outbound.config.BackoffSettings;
import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.outbound.config.WebhookSettings;
import io.facetrail.outbound.deadletter.OutboundDeadLetters;
import io.facetrail.outbound.testing.IdentityTopic;
import io.facetrail.outbound.testing.RecordingReceiver;
import io.facetrail.outbound.testing.TricklingReceiver;
import io.facetrail.outbound.webhook.WebhookHeaders;
import io.facetrail.outbound.webhook.WebhookSignature;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against real HTTP receivers on loopback, fed from the in-process broker: retries until
 * delivered, order per track, signatures, dead letters, and one dead webhook beside a healthy one.
 */
class WebhookDeliveryIT {
  private static final String SECRET = "it-webhook-secret-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static EmbeddedKafkaBroker broker;

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

  private static OutboundConfig config(
      KafkaSettings kafka, String group, List<WebhookSettings> hooks) {
    return OutboundConfig.loader()
        .load(
            null,
            Map.of(),
            Map.of("groupId", group, "commitInterval", "100ms"),
            c ->
                c.withKafka(kafka)
                    .withWebhooks(hooks)
                    .withHttp(HttpSettings.loopbackEphemeral().disabled()));
  }

  private static WebhookSettings webhook(URI url, int maxAttempts, Duration initial) {
    return new WebhookSettings(
        url,
        Secret.of(SECRET),
        null,
        null,
        Duration.ofSeconds(5),
        maxAttempts,
        new BackoffSettings(initial, initial.multipliedBy(4)),
        null);
  }

  /** {@code perTrack} events on each of three tracks of two cameras, interleaved. */
  private static List<IdentityEvent> events(int perTrack) {
    List<IdentityEvent> out = new ArrayList<>();
    String[][] tracks = {{"lobby", "lobby/t1"}, {"lobby", "lobby/t2"}, {"gate", "gate/t1"}};
    for (int i = 0; i < perTrack; i++) {
      for (String[] t : tracks) {
        IdentityEventType type = i == 0 ? IdentityEventType.IDENTIFIED : IdentityEventType.CHANGED;
        out.add(SampleEvents.event(t[0], t[1], type, "P" + i, out.size()));
      }
    }
    return out;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void aFlakyReceiverGetsEveryEventOnceInTrackOrderAfterDedupeSigned() throws Exception {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "wh1.");
    IdentityTopic topic = new IdentityTopic(kafka);
    List<IdentityEvent> sent = events(10);
    topic.send(sent);
    // Each event is taken (recorded) but answered 503 on its first two attempts, as a receiver
    // whose response was lost would: the retries bring duplicates, which receivers drop by id.
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    try (RecordingReceiver receiver =
            new RecordingReceiver(
                r ->
                    seen.computeIfAbsent(
                                    r.header(WebhookHeaders.EVENT_ID), k -> new AtomicInteger())
                                .incrementAndGet()
                            <= 2
                        ? 503
                        : 204);
        OutboundService service =
            OutboundService.start(
                config(
                    kafka,
                    "wh1",
                    List.of(webhook(receiver.url("/hook?token=abc"), 8, Duration.ofMillis(20)))),
                new SimpleMeterRegistry(),
                new Health())) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  receiver.requests().stream().filter(r -> r.answered() == 204).count()
                      == sent.size());
      assertThat(service.readiness().get("webhook-0").up()).isTrue();
      await()
          .atMost(WAIT)
          .until(() -> topic.committedAndEnd("wh1").values().stream().allMatch(o -> o[0] == o[1]));
      List<RecordingReceiver.Request> requests = receiver.requests();
      assertThat(requests).hasSize(3 * sent.size());

      Map<String, byte[]> firstBodies = new LinkedHashMap<>();
      Map<String, List<String>> deliveriesById = new HashMap<>();
      Instant now = Instant.now();
      for (RecordingReceiver.Request r : requests) {
        String id = r.header(WebhookHeaders.EVENT_ID);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(
                WebhookSignature.verify(
                    SECRET,
                    r.header(WebhookHeaders.TIMESTAMP),
                    r.body(),
                    r.header(WebhookHeaders.SIGNATURE),
                    now))
            .as("signature of %s", id)
            .isTrue();
        firstBodies.putIfAbsent(id, r.body());
        deliveriesById
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(r.header(WebhookHeaders.DELIVERY));
      }
      assertThat(deliveriesById.values())
          .allSatisfy(d -> assertThat(d).containsExactly("1", "2", "3"));

      // Deduplicated by event id: every event exactly once, each track's in the order sent, and
      // the body is the record's value byte for byte.
      IdentityEventSerde serde = new IdentityEventSerde();
      Map<String, List<String>> receivedPerTrack = new LinkedHashMap<>();
      for (byte[] body : firstBodies.values()) {
        IdentityEvent e = serde.deserialize("t", body);
        receivedPerTrack.computeIfAbsent(e.trackId(), k -> new ArrayList<>()).add(e.eventId());
        assertThat(body)
            .isEqualTo(
                serde.serialize(
                    "t",
                    sent.stream()
                        .filter(s -> s.eventId().equals(e.eventId()))
                        .findFirst()
                        .orElseThrow()));
      }
      Map<String, List<String>> sentPerTrack = new LinkedHashMap<>();
      for (IdentityEvent e : sent) {
        sentPerTrack.computeIfAbsent(e.trackId(), k -> new ArrayList<>()).add(e.eventId());
      }
      assertThat(receivedPerTrack).isEqualTo(sentPerTrack);
      assertThat(requests.stream().map(r -> r.header(WebhookHeaders.EVENT_TYPE)).distinct())
          .containsExactlyInAnyOrder("identified", "changed");
    }
  }

  @Test
  void failedEventsEndOnTheDeadLetterTopicAndLaterEventsStillFlow() throws Exception {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "wh2.");
    IdentityTopic topic = new IdentityTopic(kafka);
    // One track the receiver always fails (500), one it no longer knows (404), one it takes.
    List<IdentityEvent> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(SampleEvents.event("cam", "cam/broken", IdentityEventType.IDENTIFIED, "A", 100 + i));
      sent.add(SampleEvents.event("cam", "cam/gone", IdentityEventType.IDENTIFIED, "B", 200 + i));
    }
    List<IdentityEvent> later = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      later.add(SampleEvents.event("cam", "cam/fine", IdentityEventType.IDENTIFIED, "C", 300 + i));
    }
    Set<String> broken = ids(sent, "cam/broken");
    Set<String> gone = ids(sent, "cam/gone");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (RecordingReceiver receiver =
            new RecordingReceiver(
                r -> {
                  String id = r.header(WebhookHeaders.EVENT_ID);
                  return broken.contains(id) ? 500 : gone.contains(id) ? 404 : 200;
                });
        OutboundService service =
            OutboundService.start(
                config(
                    kafka,
                    "wh2",
                    List.of(
                        webhook(receiver.url("/in?token=s3cr3t-query"), 3, Duration.ofMillis(10)))),
                registry,
                new Health())) {
      topic.send(sent);
      topic.sendRaw("cam/junk", "not an identity event".getBytes(StandardCharsets.UTF_8));
      topic.send(later);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  receiver.requests().stream().filter(r -> r.answered() == 200).count()
                      == later.size());
      List<ConsumerRecord<byte[], byte[]>> all = topic.read("wh2.dlq.outbound.v1", 7, WAIT);
      assertThat(all).hasSize(7);
      List<ConsumerRecord<byte[], byte[]>> malformed =
          all.stream()
              .filter(d -> "malformed".equals(header(d, OutboundDeadLetters.HEADER_STATUS)))
              .toList();
      assertThat(malformed).hasSize(1);
      assertThat(header(malformed.get(0), OutboundDeadLetters.HEADER_TARGET)).isEqualTo("none");
      assertThat(new String(malformed.get(0).value(), StandardCharsets.UTF_8))
          .isEqualTo("not an identity event");
      List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>(all);
      dead.removeAll(malformed);
      IdentityEventSerde serde = new IdentityEventSerde();
      for (ConsumerRecord<byte[], byte[]> d : dead) {
        IdentityEvent e = serde.deserialize("t", d.value());
        boolean isBroken = broken.contains(e.eventId());
        assertThat(header(d, OutboundDeadLetters.HEADER_STATUS))
            .isEqualTo(isBroken ? "500" : "404");
        assertThat(header(d, OutboundDeadLetters.HEADER_ATTEMPTS))
            .as("500 retried to the limit, 404 never")
            .isEqualTo(isBroken ? "3" : "1");
        assertThat(header(d, OutboundDeadLetters.HEADER_TARGET)).isEqualTo("webhook-0");
        assertThat(header(d, OutboundDeadLetters.HEADER_HOST))
            .isEqualTo(receiver.url("/").getAuthority());
        assertThat(header(d, DeadLetter.HEADER_STAGE)).isEqualTo("outbound");
        assertThat(header(d, DeadLetter.HEADER_SOURCE_TOPIC)).isEqualTo("wh2.identity.v1");
        assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo(e.trackId());
        for (Header h : d.headers()) {
          assertThat(new String(h.value(), StandardCharsets.UTF_8))
              .doesNotContain("s3cr3t")
              .doesNotContain(SECRET);
        }
      }
      long brokenAttempts =
          receiver.requests().stream()
              .filter(r -> broken.contains(r.header(WebhookHeaders.EVENT_ID)))
              .count();
      assertThat(brokenAttempts).isEqualTo(9);
      await()
          .atMost(WAIT)
          .until(() -> topic.committedAndEnd("wh2").values().stream().allMatch(o -> o[0] == o[1]));
      assertThat(deliveries(registry, "delivered")).isEqualTo(5);
      assertThat(deliveries(registry, "retried")).as("2 per event answered 500").isEqualTo(6);
      assertThat(deliveries(registry, "dead_lettered")).isEqualTo(6);
      assertThat(registry.get("facetrail.outbound.malformed").counter().count()).isEqualTo(1);
      assertThat(service.failed()).isFalse();
    }
  }

  @Test
  void aDeadWebhookNeitherHoldsBackAHealthyOneNorLosesItsEventsAtARestart() throws Exception {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "wh3.");
    IdentityTopic topic = new IdentityTopic(kafka);
    List<IdentityEvent> sent = events(5);
    try (RecordingReceiver healthy = new RecordingReceiver(r -> 200);
        RecordingReceiver dead = new RecordingReceiver(r -> 503)) {
      // The dead one answers 503 to everything, and retries wait seconds: it finishes nothing.
      List<WebhookSettings> hooks =
          List.of(
              webhook(dead.url("/dead"), 8, Duration.ofSeconds(5)),
              webhook(healthy.url("/ok"), 8, Duration.ofMillis(10)));
      try (OutboundService service =
          OutboundService.start(
              config(kafka, "wh3", hooks), new SimpleMeterRegistry(), new Health())) {
        topic.send(sent);
        await().atMost(WAIT).until(() -> healthy.requests().size() == sent.size());
        assertThat(dead.requests().size())
            .as("the dead webhook is still on its first event")
            .isLessThanOrEqualTo(2);
        // Nothing past the dead webhook's first event may be committed: a restart sends it again.
        Thread.sleep(500);
        Map<TopicPartition, long[]> offsets = topic.committedAndEnd("wh3");
        long committed = offsets.values().stream().mapToLong(o -> o[0]).sum();
        long end = offsets.values().stream().mapToLong(o -> o[1]).sum();
        assertThat(end).isEqualTo(sent.size());
        assertThat(committed).as("committed offsets: the dead webhook finished no event").isZero();
        assertThat(service.readiness().get("webhook-0").detail())
            .as("a receiver's outage is told, not a readiness failure")
            .contains("last attempt failed: 503");
      }
      // Restarted with the receiver back: every event reaches it (and the healthy one again).
      try (RecordingReceiver back = new RecordingReceiver(r -> 200);
          OutboundService restarted =
              OutboundService.start(
                  config(
                      kafka,
                      "wh3",
                      List.of(
                          webhook(back.url("/back"), 8, Duration.ofMillis(10)),
                          webhook(healthy.url("/ok"), 8, Duration.ofMillis(10)))),
                  new SimpleMeterRegistry(),
                  new Health())) {
        await().atMost(WAIT).until(() -> back.requests().size() >= sent.size());
        assertThat(back.requests().stream().map(r -> r.header(WebhookHeaders.EVENT_ID)))
            .containsExactlyInAnyOrderElementsOf(
                sent.stream().map(IdentityEvent::eventId).toList());
        await()
            .atMost(WAIT)
            .until(
                () -> topic.committedAndEnd("wh3").values().stream().allMatch(o -> o[0] == o[1]));
        assertThat(restarted.failed()).isFalse();
      }
    }
  }

  @Test
  void aResponseBodyThatNeverEndsDoesNotStallTheWebhook() throws Exception {
    KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "wh4.");
    IdentityTopic topic = new IdentityTopic(kafka);
    List<IdentityEvent> sent = events(2);
    try (TricklingReceiver receiver = new TricklingReceiver();
        OutboundService service =
            OutboundService.start(
                config(kafka, "wh4", List.of(webhook(receiver.url(), 8, Duration.ofSeconds(5)))),
                new SimpleMeterRegistry(),
                new Health())) {
      topic.send(sent);
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.eventIds().size() >= sent.size());
      assertThat(receiver.eventIds())
          .as("each event once: none waited out a timeout and was retried")
          .hasSize(sent.size())
          .doesNotHaveDuplicates();
      assertThat(service.failed()).isFalse();
    }
  }

  private static double deliveries(SimpleMeterRegistry registry, String result) {
    return registry
        .get("facetrail.outbound.deliveries")
        .tag("target", "webhook-0")
        .tag("result", result)
        .counter()
        .count();
  }

  private static Set<String> ids(List<IdentityEvent> events, String track) {
    Set<String> out = new LinkedHashSet<>();
    events.stream().filter(e -> e.trackId().equals(track)).forEach(e -> out.add(e.eventId()));
    return out;
  }
}
