package io.facetrail.embedder.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.embedder.analyze.AnalyzedBatch;
import io.facetrail.embedder.analyze.FrameOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModelWorkerTest {
  private static Frame frame(int firstByte) {
    return Frame.newBuilder()
        .setStreamId("s")
        .setImage(ByteString.copyFrom(new byte[] {(byte) firstByte}))
        .build();
  }

  @Test
  void warmsUpThenAnswersOneOutcomePerFrameInOrder() throws Exception {
    FakeFrameAnalyzer fake = new FakeFrameAnalyzer();
    try (ModelWorker w =
        new ModelWorker("t", fake, 2, 3, Duration.ofMillis(1), WorkerObserver.NONE).start()) {
      assertThat(w.awaitWarm(Duration.ofSeconds(5))).isTrue();
      assertThat(fake.warmed).isTrue();
      List<FrameOutcome> out =
          w.submit(List.of(frame(1), frame(0), frame(2))).get(5, TimeUnit.SECONDS).outcomes();
      assertThat(out).hasSize(3);
      assertThat(out.get(0)).isInstanceOf(FrameOutcome.Analyzed.class);
      assertThat(out.get(1)).isInstanceOf(FrameOutcome.Undecodable.class);
      assertThat(out.get(2)).isInstanceOf(FrameOutcome.Analyzed.class);
    }
    assertThat(fake.closed).isTrue();
  }

  @Test
  void retriesAModelFailureThenSucceeds() throws Exception {
    FakeFrameAnalyzer fake = new FakeFrameAnalyzer();
    fake.failNext.set(2);
    try (ModelWorker w =
        new ModelWorker("t", fake, 2, 3, Duration.ofMillis(1), WorkerObserver.NONE).start()) {
      assertThat(w.submit(List.of(frame(1))).get(5, TimeUnit.SECONDS).outcomes()).hasSize(1);
      assertThat(fake.calls.get()).isEqualTo(3);
      assertThat(w.failure()).isNull();
    }
  }

  @Test
  void failsForGoodWhenRetriesAreSpent() throws Exception {
    FakeFrameAnalyzer fake = new FakeFrameAnalyzer();
    fake.failNext.set(10);
    try (ModelWorker w =
        new ModelWorker("t", fake, 2, 3, Duration.ofMillis(1), WorkerObserver.NONE).start()) {
      CompletableFuture<AnalyzedBatch> f = w.submit(List.of(frame(1)));
      assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(WorkerFailedException.class)
          .hasMessageContaining("failed 3 times");
      assertThat(w.failure()).isNotNull();
      assertThat(w.isWarm()).isFalse();
      assertThatThrownBy(() -> w.submit(List.of(frame(1))))
          .isInstanceOf(WorkerFailedException.class);
    }
  }

  @Test
  void refusesWorkBeyondItsQueueCapacity() {
    FakeFrameAnalyzer fake = new FakeFrameAnalyzer();
    // Not started: nothing drains the queue.
    ModelWorker w = new ModelWorker("t", fake, 2, 1, Duration.ofMillis(1), WorkerObserver.NONE);
    w.submit(List.of(frame(1)));
    w.submit(List.of(frame(1)));
    assertThatThrownBy(() -> w.submit(List.of(frame(1))))
        .isInstanceOf(CapacityExceededException.class)
        .hasMessageContaining("2 batches queued");
    assertThat(w.queueDepth()).isEqualTo(2);
  }
}
