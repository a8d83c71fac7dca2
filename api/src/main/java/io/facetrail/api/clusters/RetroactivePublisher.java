package io.facetrail.api.clusters;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the retroactive identity events of a naming to the identity topic, as {@code clusters name
 * --publish} does, so that whoever follows the topic (the console's live wall, outbound webhooks)
 * learns the past appearances. A producer is opened per naming (namings are rare, and an idle API
 * keeps no connection for them) and waits a bounded time: the decisions are stored before, so a
 * broker that does not answer costs only the events, which the response then reports as not sent.
 */
final class RetroactivePublisher {
  private static final Logger log = LoggerFactory.getLogger(RetroactivePublisher.class);
  private static final int WAIT_MS = 10_000;

  /**
   * What became of the events.
   *
   * @param published whether every event reached the topic
   * @param topic the identity topic, null when the API has no broker
   * @param detail why they were not sent, null when they were
   */
  record Outcome(boolean published, String topic, String detail) {}

  private final KafkaSettings kafka;

  /**
   * @param kafka the broker of the identity topic; null when the API reads no events ({@code
   *     events.enabled: false}): nothing is sent
   */
  RetroactivePublisher(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  Outcome publish(List<IdentityEvent> events) {
    if (kafka == null) {
      return new Outcome(
          false,
          null,
          "this API has no broker (events.enabled: false): the decisions are stored, but nothing"
              + " announces these changes to the identity topic's readers");
    }
    Topic<String, IdentityEvent> topic = kafka.topics().identity();
    if (events.isEmpty()) {
      return new Outcome(true, topic.name(), null);
    }
    Map<String, Object> props = KafkaClients.producer(kafka, "facetrail-api-clusters");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, WAIT_MS);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, WAIT_MS);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, WAIT_MS + 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<String, IdentityEvent> producer =
        new KafkaProducer<>(
            props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      List<Future<?>> sent = new ArrayList<>();
      for (IdentityEvent e : events) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), e.trackId(), e)));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      return new Outcome(true, topic.name(), null);
    } catch (ExecutionException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      log.warn("Retroactive events of a naming not sent to {}: {}", topic.name(), cause.toString());
      return new Outcome(false, topic.name(), "not sent: " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, topic.name(), "not sent: interrupted");
    }
  }
}
