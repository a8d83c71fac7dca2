package io.facetrail.api.events;

import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic on a background thread, from the first record within a time
 * window back from now, without a consumer group (nothing to commit: a restart reads the window
 * again). While the broker cannot be reached it keeps retrying and reports itself down; partitions
 * added to the topic later are picked up.
 */
final class TopicFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

  /** How often the broker is asked for the end offsets, which is what proves it reachable. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(250);

  /** What the follower reads, on its thread. */
  interface Handler {
    /** A partition is read from {@code startOffset} on. */
    void assigned(int partition, long startOffset);

    /** One record, in offset order per partition. */
    void record(ConsumerRecord<byte[], byte[]> record);

    /** Every record of the partition before {@code nextOffset} has been handed over. */
    void position(int partition, long nextOffset);
  }

  private final String topic;
  private final Map<String, Object> properties;
  private final Duration window;
  private final Handler handler;
  private final Clock clock;
  private final Thread thread;
  private volatile Health.Status status;
  private volatile boolean closed;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  TopicFollower(
      String name,
      KafkaSettings kafka,
      String topic,
      Duration window,
      Handler handler,
      Clock clock) {
    this.topic = topic;
    this.window = window;
    this.handler = handler;
    this.clock = clock;
    this.status = Health.Status.down("connecting to " + kafka.bootstrapServers());
    Map<String, Object> p = new HashMap<>(kafka.connectionProperties());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "facetrail-api-" + name);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * EmbeddedKafkaBroker.MAX_MESSAGE_BYTES);
    this.properties = p;
    this.thread = new Thread(this::run, "facetrail-api-" + name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Up while the broker answered the last check. */
  Health.Status status() {
    return status;
  }

  private void run() {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      Set<TopicPartition> assigned = new HashSet<>();
      long nextCheck = 0;
      while (!closed) {
        try {
          if (System.nanoTime() - nextCheck >= 0) {
            check(c, assigned);
            nextCheck = System.nanoTime() + CHECK_INTERVAL.toNanos();
          }
          if (assigned.isEmpty()) {
            Thread.sleep(POLL.toMillis());
            continue;
          }
          for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
            handle(r);
          }
          for (TopicPartition tp : assigned) {
            handler.position(tp.partition(), c.position(tp, CALL_TIMEOUT));
          }
        } catch (WakeupException e) {
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (KafkaException e) {
          // Includes timeouts: the broker is down or unreachable. The consumer reconnects by
          // itself; the next check says when it is back.
          if (status.up()) {
            log.warn("Topic {} unreachable, retrying: {}", topic, e.toString());
          }
          status = Health.Status.down("the broker cannot be reached: " + e.getMessage());
          nextCheck = System.nanoTime() + CHECK_INTERVAL.toNanos();
        }
      }
    } catch (WakeupException e) {
      // Closed while creating or closing the consumer: nothing left to do.
      log.debug("Follower of {} woken up to close", topic);
    } catch (KafkaException e) {
      // The consumer could not be created (client settings the broker's library refuses): stays
      // down, saying why.
      log.error("Cannot read {}", topic, e);
      status = Health.Status.down("cannot read " + topic + ": " + e.getMessage());
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    try {
      handler.record(r);
    } catch (RuntimeException e) {
      // A bug in handling one record must not stop the feed: logged with where it was, never with
      // its content (face data).
      log.error("Handling {}-{}@{} failed; skipped", r.topic(), r.partition(), r.offset(), e);
    }
  }

  /** Confirms the broker answers and assigns partitions not yet read. */
  private void check(KafkaConsumer<byte[], byte[]> c, Set<TopicPartition> assigned) {
    List<PartitionInfo> infos = c.partitionsFor(topic, CALL_TIMEOUT);
    Set<TopicPartition> added = new HashSet<>();
    if (infos != null) {
      for (PartitionInfo info : infos) {
        TopicPartition tp = new TopicPartition(topic, info.partition());
        if (!assigned.contains(tp)) {
          added.add(tp);
        }
      }
    }
    if (!added.isEmpty()) {
      Map<TopicPartition, Long> at = new HashMap<>();
      long since = clock.instant().minus(window).toEpochMilli();
      added.forEach(tp -> at.put(tp, since));
      // The ends first: a partition with no record in the window starts at its end as it was
      // before the search, so a record written between the two calls is still read.
      Map<TopicPartition, Long> ends = c.endOffsets(added, CALL_TIMEOUT);
      Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(at, CALL_TIMEOUT);
      Set<TopicPartition> all = new HashSet<>(assigned);
      all.addAll(added);
      c.assign(all);
      for (TopicPartition tp : added) {
        OffsetAndTimestamp o = found.get(tp);
        long start = o == null ? ends.get(tp) : o.offset();
        c.seek(tp, start);
        handler.assigned(tp.partition(), start);
      }
      assigned.addAll(added);
      log.info("Reading {} partitions of {} from {} back", all.size(), topic, window);
    }
    if (!assigned.isEmpty()) {
      c.endOffsets(assigned, CALL_TIMEOUT);
    }
    if (!status.up()) {
      log.info("Topic {} reachable", topic);
    }
    status =
        assigned.isEmpty()
            ? Health.Status.up("connected; " + topic + " does not exist yet")
            : Health.Status.up("reading " + topic + " (" + assigned.size() + " partitions)");
  }

  @Override
  public void close() {
    closed = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
