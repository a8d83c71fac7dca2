package io.facetrail.embedder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.serde.ProtoSerde;
import io.facetrail.contracts.serde.RecordSerdes;
import io.facetrail.embedder.analyze.FrameOutcome;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingBatchTest {
  private static final String TOPIC = "t.frames.v1";
  private final ProtoSerde<FrameRecord> serde = RecordSerdes.frameRecord();

  private ConsumerRecord<byte[], byte[]> record(int partition, long offset, FrameRecord r) {
    return new ConsumerRecord<>(TOPIC, partition, offset, null, serde.serialize(TOPIC, r));
  }

  private PendingBatch batch() {
    return PendingBatch.parse(
        List.of(
            record(0, 10, EmbedderTestSupport.frame("a", 0, new byte[] {1})),
            new ConsumerRecord<>(TOPIC, 1, 5, null, new byte[] {9, 9, 9}),
            record(1, 6, EmbedderTestSupport.frame("b", 0, new byte[] {2})),
            record(0, 11, EmbedderTestSupport.end("a", 0)),
            record(2, 3, EmbedderTestSupport.frame("c", 7, new byte[] {3}))),
        serde);
  }

  @Test
  void outcomesAttachToFramesInOrderAndOtherRecordsKeepNone() {
    PendingBatch b = batch();
    assertThat(b.frames()).extracting(f -> f.getStreamId()).containsExactly("a", "b", "c");
    PendingBatch done =
        b.withOutcomes(
            List.of(
                new FrameOutcome.Analyzed(List.of()),
                new FrameOutcome.Undecodable("b is broken"),
                new FrameOutcome.Analyzed(List.of())));
    assertThat(done.items().get(1).error()).isNotNull();
    assertThat(done.items().get(1).outcome()).isNull();
    assertThat(done.items().get(2).outcome()).isInstanceOf(FrameOutcome.Undecodable.class);
    assertThat(done.items().get(3).outcome()).isNull();
    assertThat(done.items().get(4).outcome()).isInstanceOf(FrameOutcome.Analyzed.class);
  }

  @Test
  void aMissingOutcomeIsAnErrorNotAShiftedResult() {
    assertThatThrownBy(() -> batch().withOutcomes(List.of(new FrameOutcome.Analyzed(List.of()))))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(
            () ->
                batch()
                    .withOutcomes(
                        List.of(
                            new FrameOutcome.Analyzed(List.of()),
                            new FrameOutcome.Analyzed(List.of()),
                            new FrameOutcome.Analyzed(List.of()),
                            new FrameOutcome.Analyzed(List.of()))))
        .hasMessageContaining("4 outcomes for 3 frames");
  }

  @Test
  void recordsOfRevokedPartitionsAreLeftOut() {
    PendingBatch kept = batch().without(Set.of(new TopicPartition(TOPIC, 1)));
    assertThat(kept.sources())
        .extracting(ConsumerRecord::partition, ConsumerRecord::offset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 10L),
            org.assertj.core.groups.Tuple.tuple(0, 11L),
            org.assertj.core.groups.Tuple.tuple(2, 3L));
    assertThat(kept.frames()).extracting(f -> f.getStreamId()).containsExactly("a", "c");
  }
}
