package io.facetrail.embedder.service;

import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.contracts.serde.ProtoSerde;
import io.facetrail.embedder.analyze.FrameOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One batch of consumed frames records on its way to the faces topic: each record parsed (or the
 * reason it could not be), and once the models ran, each frame's outcome.
 */
record PendingBatch(List<PendingBatch.Item> items) {

  /**
   * One consumed record.
   *
   * @param record the parsed record, null when {@code error} is set
   * @param error why the bytes are not a frames record, or null
   * @param outcome the models' result for a frame, null before analysis and for other records
   */
  record Item(
      ConsumerRecord<byte[], byte[]> source,
      FrameRecord record,
      MalformedRecordException error,
      FrameOutcome outcome) {
    boolean isFrame() {
      return record != null && record.hasFrame();
    }

    TopicPartition partition() {
      return new TopicPartition(source.topic(), source.partition());
    }
  }

  static PendingBatch parse(
      List<ConsumerRecord<byte[], byte[]>> records, ProtoSerde<FrameRecord> serde) {
    List<Item> items = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        items.add(new Item(r, serde.deserialize(r.topic(), r.value()), null, null));
      } catch (MalformedRecordException e) {
        items.add(new Item(r, null, e, null));
      }
    }
    return new PendingBatch(items);
  }

  /** The frames to analyse, in batch order. */
  List<Frame> frames() {
    return items.stream().filter(Item::isFrame).map(i -> i.record().getFrame()).toList();
  }

  /** This batch with the outcome of each frame, in the order of {@link #frames()}. */
  PendingBatch withOutcomes(List<FrameOutcome> outcomes) {
    List<Item> out = new ArrayList<>(items.size());
    int next = 0;
    for (Item i : items) {
      out.add(i.isFrame() ? new Item(i.source(), i.record(), null, outcomes.get(next++)) : i);
    }
    if (next != outcomes.size()) {
      throw new IllegalStateException(
          "the models returned " + outcomes.size() + " outcomes for " + next + " frames");
    }
    return new PendingBatch(out);
  }

  /** This batch without the records of {@code partitions}. */
  PendingBatch without(Set<TopicPartition> partitions) {
    return new PendingBatch(
        items.stream().filter(i -> !partitions.contains(i.partition())).toList());
  }

  List<ConsumerRecord<byte[], byte[]>> sources() {
    return items.stream().map(Item::source).toList();
  }

  int size() {
    return items.size();
  }
}
