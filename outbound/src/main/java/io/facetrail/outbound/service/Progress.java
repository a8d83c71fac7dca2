package io.facetrail.outbound.service;

import io.facetrail.outbound.delivery.PartitionProgress;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The progress of every partition this consumer reads, and what has been committed. Used by the
 * reading thread only; the {@link PartitionProgress} objects themselves are shared with the
 * targets' threads.
 */
final class Progress {
  // Concurrent: the metrics endpoint sums it while the reading thread changes it.
  private final Map<TopicPartition, PartitionProgress> partitions = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** The progress of {@code partition}, new when the partition was not read yet. */
  PartitionProgress of(TopicPartition partition) {
    return partitions.computeIfAbsent(partition, p -> new PartitionProgress());
  }

  /** The offsets that moved since the last commit, among {@code among} (null: every partition). */
  Map<TopicPartition, OffsetAndMetadata> toCommit(Set<TopicPartition> among) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    partitions.forEach(
        (tp, p) -> {
          if (among == null || among.contains(tp)) {
            OptionalLong next = p.committable();
            if (next.isPresent() && !Long.valueOf(next.getAsLong()).equals(committed.get(tp))) {
              out.put(tp, new OffsetAndMetadata(next.getAsLong()));
            }
          }
        });
    return out;
  }

  /** Records a successful commit. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
  }

  /** Forgets partitions no longer assigned: deliveries still running mark only the old objects. */
  void forget(Set<TopicPartition> gone) {
    gone.forEach(
        tp -> {
          partitions.remove(tp);
          committed.remove(tp);
        });
  }

  /** Events read and not finished by every target. */
  int unfinished() {
    return partitions.values().stream().mapToInt(PartitionProgress::unfinished).sum();
  }
}
