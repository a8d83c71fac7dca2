package io.facetrail.embedder.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordBatcherTest {
  private static final long MS = 1_000_000;

  private static List<ConsumerRecord<String, String>> records(int partition, long from, int count) {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    for (long o = from; o < from + count; o++) {
      out.add(new ConsumerRecord<>("frames", partition, o, "k", "v" + o));
    }
    return out;
  }

  @Test
  void batchIsReadyWhenFullOrWhenItsFirstRecordHasWaited() {
    RecordBatcher<String, String> b = new RecordBatcher<>(4, 50 * MS);
    assertThat(b.ready(0)).isFalse();
    b.add(records(0, 0, 2), 0);
    assertThat(b.ready(10 * MS)).isFalse();
    assertThat(b.nanosUntilDue(10 * MS, 999)).isEqualTo(40 * MS);
    assertThat(b.ready(50 * MS)).isTrue();
    b.add(records(0, 2, 2), 20 * MS);
    assertThat(b.ready(21 * MS)).isTrue();
  }

  @Test
  void takesAtMostOneBatchInArrivalOrder() {
    RecordBatcher<String, String> b = new RecordBatcher<>(3, 50 * MS);
    b.add(records(0, 0, 2), 0);
    b.add(records(1, 0, 3), 0);
    List<ConsumerRecord<String, String>> batch = b.take(0);
    assertThat(batch).extracting(ConsumerRecord::value).containsExactly("v0", "v1", "v0");
    assertThat(batch).extracting(ConsumerRecord::partition).containsExactly(0, 0, 1);
    assertThat(b.size()).isEqualTo(2);
    // The leftovers start a new wait.
    assertThat(b.ready(10 * MS)).isFalse();
    assertThat(b.ready(50 * MS)).isTrue();
  }

  @Test
  void dropsRevokedPartitions() {
    RecordBatcher<String, String> b = new RecordBatcher<>(10, 50 * MS);
    b.add(records(0, 0, 2), 0);
    b.add(records(1, 5, 2), 0);
    b.drop(List.of(new TopicPartition("frames", 1)));
    assertThat(b.take(0)).extracting(ConsumerRecord::partition).containsOnly(0);
  }

  @Test
  void clearReportsTheFirstOffsetPerPartitionToSeekBackTo() {
    RecordBatcher<String, String> b = new RecordBatcher<>(10, 50 * MS);
    b.add(records(0, 7, 3), 0);
    b.add(records(2, 40, 1), 0);
    Map<TopicPartition, Long> first = b.clear();
    assertThat(first)
        .containsEntry(new TopicPartition("frames", 0), 7L)
        .containsEntry(new TopicPartition("frames", 2), 40L)
        .hasSize(2);
    assertThat(b.size()).isZero();
  }
}
