package io.facetrail.embedder.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Holds polled records until they form a batch. Records keep their poll order, so a batch lists
 * each partition's records in offset order. Not thread-safe: owned by one consumer loop.
 */
public final class RecordBatcher<K, V> {
  private final int maxRecords;
  private final long maxWaitNanos;
  private final Deque<ConsumerRecord<K, V>> pending = new ArrayDeque<>();
  private long oldestArrival;

  /**
   * @param maxRecords records per batch at most
   * @param maxWaitNanos how long the first record of a batch may wait for others
   */
  public RecordBatcher(int maxRecords, long maxWaitNanos) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1");
    }
    this.maxRecords = maxRecords;
    this.maxWaitNanos = maxWaitNanos;
  }

  /** Adds polled records, noting the arrival time of a batch's first record. */
  public void add(Iterable<ConsumerRecord<K, V>> records, long nowNanos) {
    for (ConsumerRecord<K, V> r : records) {
      if (pending.isEmpty()) {
        oldestArrival = nowNanos;
      }
      pending.add(r);
    }
  }

  /** Whether a batch should be taken now. */
  public boolean ready(long nowNanos) {
    return !pending.isEmpty()
        && (pending.size() >= maxRecords || nowNanos - oldestArrival >= maxWaitNanos);
  }

  /** How long the caller may poll before the current batch is due; a default when empty. */
  public long nanosUntilDue(long nowNanos, long idleNanos) {
    if (pending.isEmpty()) {
      return idleNanos;
    }
    return Math.max(0, oldestArrival + maxWaitNanos - nowNanos);
  }

  /** Removes and returns up to {@code maxRecords} records in arrival order. */
  public List<ConsumerRecord<K, V>> take(long nowNanos) {
    List<ConsumerRecord<K, V>> batch = new ArrayList<>(Math.min(maxRecords, pending.size()));
    while (batch.size() < maxRecords && !pending.isEmpty()) {
      batch.add(pending.poll());
    }
    // What is left waits from now: it was not the reason for the wait of the batch just taken.
    oldestArrival = nowNanos;
    return batch;
  }

  /** Forgets the records of partitions this consumer no longer owns (after a rebalance). */
  public void drop(Collection<TopicPartition> partitions) {
    Set<TopicPartition> gone = Set.copyOf(partitions);
    pending.removeIf(r -> gone.contains(new TopicPartition(r.topic(), r.partition())));
  }

  /**
   * Forgets everything pending and returns, per partition, the first offset forgotten, so the
   * consumer can seek back to it (after an aborted transaction).
   */
  public Map<TopicPartition, Long> clear() {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<K, V> r : pending) {
      first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    pending.clear();
    return first;
  }

  public int size() {
    return pending.size();
  }
}
