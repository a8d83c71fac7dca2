package io.facetrail.outbound.service;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.outbound.deadletter.FailedDelivery;
import io.facetrail.outbound.deadletter.OutboundDeadLetters;
import io.facetrail.outbound.delivery.Delivery;
import io.facetrail.outbound.delivery.PartitionProgress;
import io.facetrail.outbound.delivery.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread reading the identity topic: hands each record to the targets that accept it, in offset
 * order, and commits offsets up to the first record some target has not finished. When a target
 * that must not drop events (MQTT) is full, the records read stay in a backlog and the partitions
 * are paused until it has room; the consumer keeps polling, so it stays in its group.
 */
final class OutboundLoop {
  private static final Logger log = LoggerFactory.getLogger(OutboundLoop.class);

  private static final long POLL_MS = 200;
  private static final Duration POLL = Duration.ofMillis(POLL_MS);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final List<Target> targets;
  private final OutboundDeadLetters deadLetters;
  private final Duration commitInterval;
  private final Counter malformed;
  private final Consumer<String> onFailure;
  private final IdentityEventSerde serde = new IdentityEventSerde();
  private final Progress progress = new Progress();
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> backlog = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean closing;
  private volatile boolean running;

  /**
   * @param onFailure told why, when the loop ends with an error (the service is then not live)
   */
  OutboundLoop(
      KafkaConsumer<byte[], byte[]> consumer,
      String topic,
      List<Target> targets,
      OutboundDeadLetters deadLetters,
      Duration commitInterval,
      MeterRegistry registry,
      Consumer<String> onFailure) {
    this.consumer = consumer;
    this.topic = topic;
    this.targets = List.copyOf(targets);
    this.deadLetters = deadLetters;
    this.commitInterval = commitInterval;
    this.onFailure = onFailure;
    this.malformed =
        Counter.builder("facetrail.outbound.malformed")
            .description(
                "Records of the identity topic that are not identity events, sent to the outbound"
                    + " dead-letter topic")
            .register(registry);
    Gauge.builder("facetrail.outbound.unfinished", progress, Progress::unfinished)
        .description(
            "Identity events read and not yet delivered or dead-lettered by every target: what"
                + " holds the committed offsets back")
        .register(registry);
    this.thread = new Thread(this::run, "outbound-reader");
  }

  void start() {
    running = true;
    thread.start();
  }

  boolean running() {
    return running;
  }

  /** Blocks until the loop has ended. */
  void awaitStopped() throws InterruptedException {
    thread.join();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new Rebalance());
      long nextCommit = System.nanoTime() + commitInterval.toNanos();
      while (!closing) {
        while (!backlog.isEmpty() && dispatch(backlog.peekFirst())) {
          backlog.removeFirst();
        }
        if (backlog.isEmpty()) {
          consumer.resume(consumer.paused());
        } else {
          consumer.pause(consumer.assignment());
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          backlog.addLast(r);
        }
        if (System.nanoTime() - nextCommit >= 0) {
          commit(null);
          nextCommit = System.nanoTime() + commitInterval.toNanos();
        }
      }
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      try {
        commit(null);
      } catch (KafkaException e) {
        log.warn(
            "Outbound: last commit failed ({}); those events will be sent again", e.toString());
      }
      consumer.close();
      running = false;
    }
  }

  private void fail(RuntimeException e) {
    log.error("Outbound: reading {} failed", topic, e);
    onFailure.accept("reading " + topic + " failed: " + e);
  }

  /** Hands {@code record} out; false when a target has no room (try again later). */
  private boolean dispatch(ConsumerRecord<byte[], byte[]> record) {
    PartitionProgress partition =
        progress.of(new TopicPartition(record.topic(), record.partition()));
    long offset = record.offset();
    IdentityEvent event;
    try {
      event = serde.deserialize(record.topic(), record.value());
    } catch (MalformedRecordException e) {
      partition.add(offset);
      malformed.increment();
      deadLetters.publish(
          record,
          new FailedDelivery("none", "", "malformed", 0, e),
          () -> partition.finish(offset));
      return true;
    }
    List<Target> chosen = new ArrayList<>(targets.size());
    for (Target t : targets) {
      if (t.accepts(event)) {
        if (!t.hasRoom()) {
          return false;
        }
        chosen.add(t);
      }
    }
    partition.add(offset);
    if (chosen.isEmpty()) {
      partition.finish(offset);
      return true;
    }
    Delivery delivery = new Delivery(record, event, chosen.size(), () -> partition.finish(offset));
    for (Target t : chosen) {
      t.submit(delivery);
    }
    return true;
  }

  /** Commits what every target has finished, of {@code among} (null: every partition). */
  private void commit(Set<TopicPartition> among) {
    Map<TopicPartition, OffsetAndMetadata> offsets = progress.toCommit(among);
    if (offsets.isEmpty()) {
      return;
    }
    consumer.commitSync(offsets);
    progress.committed(offsets);
  }

  /**
   * Stops reading (within one poll, {@value #POLL_MS} ms) and commits the offsets of what is
   * finished. No {@code wakeup()}: it would also break that last commit.
   */
  void close() {
    closing = true;
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Commits what is finished of partitions taken away, and forgets them: their records still in a
   * target's queue are delivered (the new owner reads them again too: at least once).
   */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Set<TopicPartition> gone = new HashSet<>(partitions);
      try {
        commit(gone);
      } catch (KafkaException e) {
        log.warn(
            "Outbound: commit at rebalance failed ({}); events will be sent again", e.toString());
      }
      drop(gone);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      drop(new HashSet<>(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      log.info("Outbound reads {} partition(s) of {}", consumer.assignment().size(), topic);
    }

    private void drop(Set<TopicPartition> gone) {
      progress.forget(gone);
      backlog.removeIf(r -> gone.contains(new TopicPartition(r.topic(), r.partition())));
    }
  }
}
