package io.facetrail.outbound.service;

import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.outbound.config.WebhookSettings;
import io.facetrail.outbound.deadletter.DeadLetterTopic;
import io.facetrail.outbound.deadletter.OutboundDeadLetters;
import io.facetrail.outbound.delivery.Target;
import io.facetrail.outbound.mqtt.MqttTarget;
import io.facetrail.outbound.webhook.WebhookTarget;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.http.ServiceEndpoint;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.metrics.ServiceMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running outbound service: the identity topic read by one consumer (group {@code groupId}),
 * each event handed to every webhook and to MQTT, the dead-letter producer, metrics and health.
 * Delivery is at least once: an offset is committed only after every target has delivered or
 * dead-lettered the events up to it, so a restart sends again what was in flight, and receivers
 * drop repeats by event id.
 */
public final class OutboundService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboundService.class);

  /** The {@code service} tag of the metrics and the name of the endpoint. */
  public static final String NAME = "outbound";

  private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final List<Target> targets;
  private final OutboundLoop loop;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ServiceEndpoint endpoint;
  private final Health health;

  private OutboundService(
      List<Target> targets,
      OutboundLoop loop,
      KafkaProducer<byte[], byte[]> producer,
      ServiceEndpoint endpoint,
      Health health) {
    this.targets = targets;
    this.loop = loop;
    this.producer = producer;
    this.endpoint = endpoint;
    this.health = health;
  }

  /**
   * Starts the service with its own metrics registry and, when {@code http.enabled}, its endpoint
   * ({@code /metrics}, {@code /health/live}, {@code /health/ready}).
   *
   * @throws io.facetrail.runtime.kafka.KafkaUnavailableException when Kafka cannot be reached to
   *     create the topics
   */
  public static OutboundService start(OutboundConfig config) {
    PrometheusMeterRegistry registry = ServiceMetrics.create(NAME);
    Health health = new Health();
    ServiceEndpoint endpoint =
        config.http().enabled()
            ? ServiceEndpoint.start(NAME, config.http(), registry, health)
            : null;
    try {
      return start(config, registry, health, endpoint);
    } catch (RuntimeException e) {
      if (endpoint != null) {
        endpoint.close();
      }
      throw e;
    }
  }

  /**
   * Starts the service inside a process that serves metrics and health itself (an all-in-one
   * process): no endpoint of its own, whatever {@code http} says.
   */
  public static OutboundService start(
      OutboundConfig config, MeterRegistry registry, Health health) {
    return start(config, registry, health, null);
  }

  private static OutboundService start(
      OutboundConfig config, MeterRegistry registry, Health health, ServiceEndpoint endpoint) {
    String identity = config.kafka().topics().identity().name();
    TopicAdmin.ensureTopics(config.kafka(), List.of(config.kafka().topics().identity()));
    DeadLetterTopic.ensure(config.kafka(), config.deadLetterTopicName());
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(config.kafka(), "facetrail-outbound-dead-letters"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    OutboundDeadLetters deadLetters =
        new OutboundDeadLetters(producer, config.deadLetterTopicName(), Clock.systemUTC());
    List<Target> targets = new ArrayList<>();
    try {
      for (int i = 0; i < config.webhooks().size(); i++) {
        WebhookSettings webhook = config.webhooks().get(i);
        targets.add(WebhookTarget.start(i, webhook, deadLetters, registry, Clock.systemUTC()));
      }
      if (config.mqtt().enabled()) {
        targets.add(MqttTarget.start(config.mqtt(), deadLetters, registry));
      }
      KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(
              KafkaClients.consumer(config.kafka(), config.groupId(), "facetrail-outbound"),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());
      OutboundLoop loop =
          new OutboundLoop(
              consumer,
              identity,
              targets,
              deadLetters,
              config.commitInterval(),
              registry,
              health::fatal);
      health.readinessCheck(
          "identity-topic",
          () ->
              loop.running()
                  ? Health.Status.up("reading " + identity)
                  : Health.Status.down("not reading " + identity));
      for (Target t : targets) {
        health.readinessCheck(t.name(), t::status);
      }
      loop.start();
      health.started();
      log.info(
          "Outbound started: {} -> {} webhook(s){}, dead letters to {}",
          identity,
          config.webhooks().size(),
          config.mqtt().enabled() ? " and MQTT at " + config.mqtt().serverUri() : "",
          config.deadLetterTopicName());
      return new OutboundService(List.copyOf(targets), loop, producer, endpoint, health);
    } catch (RuntimeException e) {
      targets.forEach(Target::close);
      producer.close(PRODUCER_CLOSE_TIMEOUT);
      throw e;
    }
  }

  /** Blocks until the service stops (closed, or reading failed). */
  public void awaitStopped() throws InterruptedException {
    loop.awaitStopped();
  }

  /** Whether the service stopped because of a failure. */
  public boolean failed() {
    return !health.isLive();
  }

  /** The HTTP port, or -1 without an endpoint. */
  public int httpPort() {
    return endpoint == null ? -1 : endpoint.port();
  }

  public Map<String, Health.Status> readiness() {
    return health.readiness();
  }

  /**
   * Stops the targets (a delivery in progress is abandoned: sent again at the next start), then the
   * reading, committing what every target finished.
   */
  @Override
  public void close() {
    targets.forEach(Target::close);
    loop.close();
    // Bounded: with Kafka away, an unbounded close would wait for ever on dead letters in flight
    // (their events are not committed, so they are sent again at the next start).
    producer.close(PRODUCER_CLOSE_TIMEOUT);
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
