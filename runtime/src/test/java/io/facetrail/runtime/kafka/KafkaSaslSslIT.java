package io.facetrail.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventIds;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.testing.RecordedLogs;
import io.facetrail.runtime.testing.SaslSslKafka;
import io.facetrail.runtime.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * FaceTrail's Kafka clients over SASL_SSL (SCRAM-SHA-512, a private CA given as a PEM trust store)
 * against the in-process broker with ACLs enforced: with the settings docs/DEPLOYMENT.md gives, a
 * service creates its topics and the identity topic round-trips through an idempotent and a
 * transactional producer and a read-committed consumer, and a Kafka Streams application with a
 * state store runs exactly-once; a wrong password, an untrusted broker certificate and a user
 * without ACLs each fail at start-up with a message naming the cause, and no message or log line
 * holds a password.
 */
class KafkaSaslSslIT {
  private static final String PREFIX = "sec.";
  private static final String IDS = "sec-";

  @TempDir static Path dir;
  private static TestCertificates certificates;
  private static SaslSslKafka kafka;
  private static RecordedLogs logs;
  private static String password;
  private static final List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    logs =
        new RecordedLogs(
            Level.INFO,
            "org.apache.kafka.clients",
            "org.apache.kafka.common",
            "org.apache.kafka.streams");
    certificates = TestCertificates.generate(dir.resolve("tls"));
    kafka = SaslSslKafka.start(certificates);
    password = kafka.addUser("facetrail");
    kafka.allowFaceTrail("facetrail", "sec");
    secrets.add(password);
    secrets.add(TestCertificates.STORE_PASSWORD);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
    logs.close();
    String text = logs.text();
    assertThat(text)
        .as("the clients' configuration was logged, the JAAS line hidden")
        .contains("sasl.jaas.config = [hidden]");
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
  }

  private static KafkaSettings settings(String user, String pass, Path ca) {
    return new KafkaSettings(
        kafka.saslSslBootstrap(),
        PREFIX,
        1,
        1,
        SaslSslKafka.clientProperties(ca),
        Map.of("sasl.jaas.config", Secret.of(SaslSslKafka.jaasConfig(user, pass))));
  }

  @Test
  void theIdentityTopicRoundTripsOverSaslSsl() {
    KafkaSettings settings = settings("facetrail", password, certificates.caPem());
    ConfigProblems problems = new ConfigProblems();
    settings.validate(problems, "kafka");
    assertThat(problems.list()).isEmpty();
    assertThat(settings.toString()).doesNotContain(password);

    TopicAdmin.ensureTopics(settings, settings.topics().all());
    Topic<String, IdentityEvent> topic = settings.topics().identity();
    IdentityEvent plain = event("plain");
    IdentityEvent transactional = event("transactional");
    try (KafkaProducer<String, IdentityEvent> producer =
        new KafkaProducer<>(
            KafkaClients.producer(settings, IDS + "producer"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), plain.trackId(), plain));
      producer.flush();
    }
    try (KafkaProducer<String, IdentityEvent> producer =
        new KafkaProducer<>(
            KafkaClients.transactionalProducer(settings, IDS + "tx", IDS + "tx-1"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic.name(), transactional.trackId(), transactional));
      producer.commitTransaction();
    }
    List<IdentityEvent> read = new ArrayList<>();
    try (KafkaConsumer<String, IdentityEvent> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(settings, IDS + "group", IDS + "consumer"),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                return read.size() >= 2;
              });
      consumer.commitSync();
    }
    assertThat(read).containsExactly(plain, transactional);
  }

  @Test
  void aKafkaStreamsApplicationRunsExactlyOnceWithAStateStoreOverSaslSsl() throws Exception {
    KafkaSettings settings = settings("facetrail", password, certificates.caPem());
    Topic<String, String> words = new Topic<>(PREFIX + "words", Serdes.String(), Serdes.String());
    Topic<String, Long> counts = new Topic<>(PREFIX + "counts", Serdes.String(), Serdes.Long());
    TopicAdmin.ensureTopics(settings, List.of(words, counts));
    StreamsBuilder builder = new StreamsBuilder();
    // A count keeps a state store: its changelog is an internal topic the application creates.
    builder.stream(words.name(), Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .count()
        .toStream()
        .to(counts.name(), Produced.with(Serdes.String(), Serdes.Long()));
    Properties props = new Properties();
    props.putAll(
        KafkaClients.streams(
            settings, IDS + "streams", Files.createDirectories(dir.resolve("streams")).toString()));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            KafkaClients.producer(settings, IDS + "words"),
            Serdes.String().serializer(),
            Serdes.String().serializer())) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(words.name(), "ada", "seen"));
      }
      producer.flush();
    }
    List<Long> seen = new ArrayList<>();
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
        KafkaConsumer<String, Long> consumer =
            new KafkaConsumer<>(
                KafkaClients.consumer(settings, IDS + "counts", IDS + "counts"),
                Serdes.String().deserializer(),
                Serdes.Long().deserializer())) {
      streams.start();
      consumer.subscribe(List.of(counts.name()));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return seen.contains(3L);
              });
    }
  }

  @Test
  void aWrongPasswordFailsAtStartUpNamingTheSaslCredentials() {
    String wrong = "wrong-" + UUID.randomUUID();
    secrets.add(wrong);
    KafkaSettings settings = settings("facetrail", wrong, certificates.caPem());
    assertThatThrownBy(() -> TopicAdmin.ensureTopics(settings, settings.topics().all()))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageContaining("Kafka at " + kafka.saslSslBootstrap())
        .hasMessageContaining("refused the SASL credentials (kafka.secrets.sasl.jaas.config")
        .hasMessageContaining("SCRAM-SHA-512")
        .satisfies(KafkaSaslSslIT::holdsNoSecret);
  }

  @Test
  void anUntrustedBrokerCertificateFailsAtStartUpNamingTheTrustStore() {
    KafkaSettings settings = settings("facetrail", password, certificates.otherCaPem());
    assertThatThrownBy(() -> TopicAdmin.ensureTopics(settings, settings.topics().all()))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageContaining("TLS to Kafka at " + kafka.saslSslBootstrap() + " failed")
        .hasMessageContaining("ssl.truststore.location")
        .satisfies(KafkaSaslSslIT::holdsNoSecret);
  }

  @Test
  void aUserWithoutAclsIsDeniedAtStartUp() {
    String intruderPassword = kafka.addUser("intruder");
    secrets.add(intruderPassword);
    KafkaSettings settings = settings("intruder", intruderPassword, certificates.caPem());
    assertThatThrownBy(() -> TopicAdmin.ensureTopics(settings, settings.topics().all()))
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageContaining("denied this client's principal the right to create topic")
        .satisfies(KafkaSaslSslIT::holdsNoSecret);
  }

  private static void holdsNoSecret(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      for (String secret : secrets) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(secret);
      }
    }
  }

  private static IdentityEvent event(String track) {
    Instant t = Instant.parse("2026-12-07T10:15:30Z");
    return new IdentityEvent(
        1,
        IdentityEventIds.of(track, IdentityEventType.IDENTIFIED, "p"),
        IdentityEventType.IDENTIFIED,
        "cam-1",
        track,
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
