package io.facetrail.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facetrail.contracts.deadletter.DeadLetter;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventIds;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.serde.RecordSamples;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.deadletter.DeadLetterPublisher;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every contract through a real topic of the in-process broker, and malformed records through both
 * dead-letter paths (plain consumer, Kafka Streams).
 */
class ContractsRoundTripIT {
  private static EmbeddedKafkaBroker broker;
  private static KafkaSettings settings;
  private static TopicRegistry topics;

  /** Malformed records go to topics of their own, so the round trips never meet them. */
  private static TopicRegistry badTopics;

  @TempDir static Path stateDir;

  @BeforeAll
  static void startBroker() {
    // Start-up time is logged by the broker itself; it is not asserted (shared, noisy machines).
    broker = EmbeddedKafkaBroker.startEphemeral();
    settings = KafkaSettings.local(broker.bootstrapServers(), "rt.");
    topics = settings.topics();
    TopicAdmin.ensureTopics(settings, topics.all());
    badTopics = new TopicRegistry("rtbad.");
    TopicAdmin.ensureTopics(settings, badTopics.all());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyContractRoundTripsThroughItsTopic() {
    assertThat(roundTrip(topics.frames(), List.of(RecordSamples.frame(), RecordSamples.frameEnd())))
        .containsExactly(RecordSamples.frame(), RecordSamples.frameEnd());
    assertThat(
            roundTrip(topics.faces(), List.of(RecordSamples.faces(), RecordSamples.facesEmpty())))
        .containsExactly(RecordSamples.faces(), RecordSamples.facesEmpty());
    var tracks =
        List.of(
            RecordSamples.trackStarted(),
            RecordSamples.trackObservation(),
            RecordSamples.trackEnded());
    assertThat(roundTrip(topics.tracks(), tracks)).containsExactlyElementsOf(tracks);
    IdentityEvent event = identityEvent();
    assertThat(roundTrip(topics.identity(), List.of(event))).containsExactly(event);
  }

  private static <V> List<V> roundTrip(Topic<String, V> topic, List<V> values) {
    Map<String, Object> p = KafkaClients.producer(settings, "rt-producer");
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      for (V v : values) {
        producer.send(new ProducerRecord<>(topic.name(), "same-key", v));
      }
      producer.flush();
    }
    Map<String, Object> c = KafkaClients.consumer(settings, "rt-" + topic.name(), "rt-consumer");
    List<V> out = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            c, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                return out.size() >= values.size();
              });
    }
    return out;
  }

  @Test
  void malformedRecordGoesToTheDeadLetterTopicFromAPlainConsumer() throws Exception {
    byte[] garbage = "not a frame".getBytes(StandardCharsets.UTF_8);
    String source = badTopics.frames().name();
    sendRaw(source, "cam-x", garbage);
    Topic<byte[], byte[]> dlq = badTopics.deadLetters(Stage.EMBEDDER);
    DeadLetterPublisher publisher =
        new DeadLetterPublisher(
            Stage.EMBEDDER, badTopics, new SimpleMeterRegistry(), Clock.systemUTC());
    Map<String, Object> c = KafkaClients.consumer(settings, "rt-dlq-plain", "rt-dlq");
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                KafkaClients.producer(settings, "rt-dlq"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      consumer.subscribe(List.of(source));
      List<ConsumerRecord<byte[], byte[]>> bad = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  try {
                    badTopics
                        .frames()
                        .valueSerde()
                        .deserializer()
                        .deserialize(r.topic(), r.value());
                  } catch (MalformedRecordException e) {
                    publisher.publish(producer, r, e).get();
                    bad.add(r);
                  }
                }
                return !bad.isEmpty();
              });
      ConsumerRecord<byte[], byte[]> letter = readOne(dlq.name());
      assertThat(letter.value()).isEqualTo(garbage);
      assertThat(letter.key()).isEqualTo("cam-x".getBytes(StandardCharsets.UTF_8));
      DeadLetter info = DeadLetter.fromHeaders(letter.headers()).orElseThrow();
      assertThat(info.stage()).isEqualTo(Stage.EMBEDDER);
      assertThat(info.sourceTopic()).isEqualTo(source);
      assertThat(info.sourceOffset()).isEqualTo(bad.get(0).offset());
      assertThat(info.errorClass()).isEqualTo(MalformedRecordException.class.getName());
      assertThat(info.errorMessage()).contains("bad magic byte");
    }
  }

  @Test
  void malformedRecordGoesToTheDeadLetterTopicFromKafkaStreams() throws Exception {
    String source = badTopics.faces().name();
    Topic<byte[], byte[]> dlq = badTopics.deadLetters(Stage.TRACKER);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(source, Consumed.with(Serdes.String(), badTopics.faces().valueSerde()))
        .mapValues(FacesRecord::toByteArray)
        .to("rt.passed", Produced.with(Serdes.String(), Serdes.ByteArray()));
    Map<String, Object> p =
        new HashMap<>(
            KafkaClients.streams(
                settings,
                "rt-streams-dlq",
                Files.createDirectories(stateDir.resolve("s")).toString()));
    p.putAll(StreamsDeadLetters.properties(Stage.TRACKER, dlq.name(), new SimpleMeterRegistry()));
    Properties props = new Properties();
    props.putAll(p);
    TopicAdmin.ensureTopics(
        settings, List.of(new Topic<>("rt.passed", Serdes.String(), Serdes.ByteArray())));
    byte[] garbage = {0x46, 0x01, (byte) 0xFF, (byte) 0xFF, 0x7F};
    sendRaw(source, "cam-y", garbage);
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      ConsumerRecord<byte[], byte[]> letter = readOne(dlq.name());
      assertThat(letter.value()).isEqualTo(garbage);
      DeadLetter info = DeadLetter.fromHeaders(letter.headers()).orElseThrow();
      assertThat(info.stage()).isEqualTo(Stage.TRACKER);
      assertThat(info.sourceTopic()).isEqualTo(source);
      assertThat(info.errorClass()).isEqualTo(MalformedRecordException.class.getName());
    }
  }

  private static void sendRaw(String topic, String key, byte[] value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(settings, "rt-raw"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
    }
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
    Map<String, Object> c =
        KafkaClients.consumer(settings, "rt-read-" + topic + System.nanoTime(), "rt-read");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return !got.isEmpty();
              });
      return got.get(0);
    }
  }

  private static IdentityEvent identityEvent() {
    Instant t = Instant.parse("2026-11-28T10:15:30Z");
    return new IdentityEvent(
        1,
        IdentityEventIds.of("cam-1/1-1", IdentityEventType.IDENTIFIED, "p"),
        IdentityEventType.IDENTIFIED,
        "cam-1",
        "cam-1/1-1",
        new PersonRef("p", "Ada"),
        null,
        null,
        0.7,
        0.9,
        1e-3,
        null,
        null,
        null,
        new Moment(1, 40_000, t.toEpochMilli()),
        new Moment(5, 200_000, t.toEpochMilli()),
        5,
        "test-model",
        t,
        Map.of());
  }
}
