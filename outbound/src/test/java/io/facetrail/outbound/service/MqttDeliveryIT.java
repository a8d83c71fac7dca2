package io.facetrail.outbound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.outbound.SampleEvents;
import io.facetrail.outbound.config.BackoffSettings;
import io.facetrail.outbound.config.MqttSettings;
import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.outbound.testing.IdentityTopic;
import io.facetrail.outbound.testing.Mosquitto;
import io.facetrail.outbound.testing.MqttRecorder;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT target against a real mosquitto on loopback: events per camera, the retained last person
 * and status, and a broker stopped mid-stream and started again on the same port while events keep
 * coming: none is lost.
 */
class MqttDeliveryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static OutboundConfig config(KafkaSettings kafka, String serverUri) {
    MqttSettings mqtt =
        new MqttSettings(
            true,
            serverUri,
            "it-outbound",
            "",
            Secret.of(""),
            "it",
            1,
            false,
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            new BackoffSettings(Duration.ofMillis(100), Duration.ofMillis(500)),
            100);
    return OutboundConfig.loader()
        .load(
            null,
            Map.of(),
            Map.of("groupId", "mqtt-it", "commitInterval", "100ms"),
            c ->
                c.withKafka(kafka)
                    .withMqtt(mqtt)
                    .withHttp(HttpSettings.loopbackEphemeral().disabled()));
  }

  private static List<IdentityEvent> batch(int from, int count) {
    List<IdentityEvent> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      // A stream id with a slash, a plain one; identified then unknown events alternate.
      String stream = i % 2 == 0 ? "site/lobby" : "gate";
      boolean known = i % 3 != 2;
      out.add(
          SampleEvents.event(
              stream,
              stream + "/t" + (i % 4),
              known ? IdentityEventType.IDENTIFIED : IdentityEventType.UNKNOWN,
              known ? "Person " + i : null,
              i));
    }
    return out;
  }

  /** The event ids received on the event topics, in arrival order, first copy of each. */
  private static List<String> eventIds(MqttRecorder recorder) {
    IdentityEventSerde serde = new IdentityEventSerde();
    return recorder.messages().stream()
        .filter(m -> m.topic().startsWith("it/events/"))
        .map(m -> serde.deserialize("t", m.payload().getBytes(StandardCharsets.UTF_8)).eventId())
        .distinct()
        .toList();
  }

  @Test
  void eventsReachSubscribersAndNoneIsLostWhileTheBrokerIsAway() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        Mosquitto mosquitto = Mosquitto.start(dir)) {
      KafkaSettings kafka = KafkaSettings.local(broker.bootstrapServers(), "mq1.");
      IdentityTopic topic = new IdentityTopic(kafka);
      List<IdentityEvent> first = batch(0, 6);
      List<IdentityEvent> whileAway = batch(6, 6);
      List<IdentityEvent> after = batch(12, 3);
      try (MqttRecorder recorder = new MqttRecorder(mosquitto.uri(), "it-sub", "it/#", true);
          OutboundService service =
              OutboundService.start(
                  config(kafka, mosquitto.uri()), new SimpleMeterRegistry(), new Health())) {
        topic.send(first);
        await().atMost(WAIT).until(() -> eventIds(recorder).size() == first.size());
        assertThat(service.readiness().get("mqtt").up()).isTrue();

        IdentityEvent one = first.get(0);
        assertThat(recorder.messages())
            .anySatisfy(
                m -> {
                  assertThat(m.topic()).isEqualTo("it/events/site%2Flobby/identified");
                  assertThat(m.payload())
                      .isEqualTo(
                          new String(
                              new IdentityEventSerde().serialize("t", one),
                              StandardCharsets.UTF_8));
                });

        mosquitto.stop();
        topic.send(whileAway);
        await().atMost(WAIT).until(() -> !service.readiness().get("mqtt").up());
        Thread.sleep(1_000); // the service retries against the stopped broker meanwhile
        mosquitto.start();
        topic.send(after);

        List<String> expected = new ArrayList<>();
        first.forEach(e -> expected.add(e.eventId()));
        whileAway.forEach(e -> expected.add(e.eventId()));
        after.forEach(e -> expected.add(e.eventId()));
        await().atMost(WAIT).until(() -> Set.copyOf(eventIds(recorder)).containsAll(expected));
        assertThat(eventIds(recorder)).containsExactlyInAnyOrderElementsOf(expected);
        assertOrderPerTrack(eventIds(recorder), expected, first, whileAway, after);
        await()
            .atMost(WAIT)
            .until(
                () ->
                    topic.committedAndEnd("mqtt-it").values().stream().allMatch(o -> o[0] == o[1]));

        // What a home-automation sensor reads when it subscribes now: retained values.
        Map<String, String> lastPerson = new LinkedHashMap<>();
        List<IdentityEvent> all = new ArrayList<>(first);
        all.addAll(whileAway);
        all.addAll(after);
        for (IdentityEvent e : all) {
          lastPerson.put(
              e.streamId(), e.type() == IdentityEventType.UNKNOWN ? "unknown" : e.person().name());
        }
        try (MqttRecorder sensor =
            new MqttRecorder(mosquitto.uri(), "it-sensor", "it/cameras/+/last_person", false)) {
          await().atMost(WAIT).until(() -> sensor.messages().size() == 2);
          Map<String, String> retained =
              sensor.messages().stream()
                  .peek(m -> assertThat(m.retained()).isTrue())
                  .collect(
                      Collectors.toMap(MqttRecorder.Message::topic, MqttRecorder.Message::payload));
          assertThat(retained)
              .containsEntry("it/cameras/site%2Flobby/last_person", lastPerson.get("site/lobby"))
              .containsEntry("it/cameras/gate/last_person", lastPerson.get("gate"));
        }
        assertThat(retainedStatus(mosquitto)).isEqualTo("online");
      }
      assertThat(retainedStatus(mosquitto)).as("after a clean close").isEqualTo("offline");
    }
  }

  private static String retainedStatus(Mosquitto mosquitto) throws Exception {
    try (MqttRecorder status = new MqttRecorder(mosquitto.uri(), "it-status", "it/status", false)) {
      await().atMost(WAIT).until(() -> !status.messages().isEmpty());
      return status.messages().get(0).payload();
    }
  }

  /** Each track's events arrived in the order they were sent. */
  @SafeVarargs
  private static void assertOrderPerTrack(
      List<String> received, List<String> expected, List<IdentityEvent>... sent) {
    Map<String, String> trackOf = new LinkedHashMap<>();
    for (List<IdentityEvent> batch : sent) {
      batch.forEach(e -> trackOf.put(e.eventId(), e.trackId()));
    }
    Map<String, List<String>> want = new LinkedHashMap<>();
    Map<String, List<String>> got = new LinkedHashMap<>();
    expected.forEach(id -> want.computeIfAbsent(trackOf.get(id), k -> new ArrayList<>()).add(id));
    received.forEach(id -> got.computeIfAbsent(trackOf.get(id), k -> new ArrayList<>()).add(id));
    assertThat(got).isEqualTo(want);
  }
}
