package io.facetrail.app.run;

import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic of the run (committed records only, as a downstream consumer would) on its own
 * thread and hands every value to a listener, in topic order per key.
 *
 * @param <V> the topic's value type
 */
public class TopicFeed<V> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Topic<String, V> topic;
  private final Consumer<V> listener;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean caughtUp;
  private volatile boolean checkRequested;

  TopicFeed(KafkaSettings kafka, Topic<String, V> topic, String group, Consumer<V> listener) {
    Map<String, Object> c = KafkaClients.consumer(kafka, group, group);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.listener = listener;
    this.thread = new Thread(this::run, group);
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading at the topic's current end: a reused work folder keeps the topics of earlier
   * runs, whose records are not this run's. Partitions are assigned rather than subscribed, so no
   * group rebalance delays the first record.
   */
  void begin() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo p : consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(p.topic(), p.partition()));
    }
    consumer.assign(partitions);
    consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach(consumer::seek);
    thread.start();
  }

  /**
   * Whether every record committed so far has been handed over. Checked by the feed's own thread
   * (the consumer is single-threaded), so the answer may lag a poll behind.
   */
  public boolean caughtUp() {
    checkRequested = true;
    return caughtUp;
  }

  private void run() {
    try {
      while (!stopping) {
        boolean check = checkRequested;
        var records = consumer.poll(Duration.ofMillis(100));
        for (ConsumerRecord<String, byte[]> r : records) {
          V value;
          try {
            value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
          } catch (MalformedRecordException e) {
            // The stage's own dead-letter handling covers bad records; here they are only skipped.
            log.warn(
                "Skipping a malformed record of {} at offset {}: {}",
                r.topic(),
                r.offset(),
                e.getMessage());
            continue;
          }
          listener.accept(value);
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
