package io.facetrail.app.run;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the identity topic (committed events only, as a downstream consumer would) on its own
 * thread and hands every event to a listener, in topic order per track.
 */
final class IdentityFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IdentityFeed.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Topic<String, IdentityEvent> topic;
  private final Consumer<IdentityEvent> listener;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean caughtUp;
  private volatile boolean checkRequested;

  IdentityFeed(
      KafkaSettings kafka, Topic<String, IdentityEvent> topic, Consumer<IdentityEvent> listener) {
    Map<String, Object> c =
        KafkaClients.consumer(kafka, "facetrail-run-identity", "facetrail-run-identity");
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.listener = listener;
    this.thread = new Thread(this::run, "identity-feed");
    this.thread.setDaemon(true);
  }

  IdentityFeed start() {
    consumer.subscribe(List.of(topic.name()));
    thread.start();
    return this;
  }

  /**
   * Whether every event committed so far has been handed over. Checked by the feed's own thread
   * (the consumer is single-threaded), so the answer may lag a poll behind.
   */
  boolean caughtUp() {
    checkRequested = true;
    return caughtUp;
  }

  private void run() {
    try {
      while (!stopping) {
        boolean check = checkRequested;
        var records = consumer.poll(Duration.ofMillis(100));
        for (ConsumerRecord<String, byte[]> r : records) {
          try {
            listener.accept(topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
          } catch (MalformedRecordException e) {
            log.warn(
                "Skipping a malformed identity event at offset {}: {}", r.offset(), e.getMessage());
          }
        }
        if (!records.isEmpty()) {
          caughtUp = false;
        } else if (check) {
          caughtUp = atEnd();
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  private boolean atEnd() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    for (TopicPartition tp : assigned) {
      if (consumer.position(tp) < ends.get(tp)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
