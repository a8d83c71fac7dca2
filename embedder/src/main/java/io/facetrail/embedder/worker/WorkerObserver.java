package io.facetrail.embedder.worker;

import io.facetrail.embedder.analyze.AnalyzedBatch;

/** What a model worker reports as it runs (metrics, health). */
public interface WorkerObserver {
  /** A batch of {@code frames} frames finished in {@code nanos}. */
  void batchDone(int frames, long nanos, AnalyzedBatch batch);

  void queueDepth(int depth);

  /** One failed attempt at a batch. */
  void modelFailure();

  /** The worker has given up for good. */
  void failed();

  /** Observes nothing. */
  WorkerObserver NONE =
      new WorkerObserver() {
        @Override
        public void batchDone(int frames, long nanos, AnalyzedBatch batch) {}

        @Override
        public void queueDepth(int depth) {}

        @Override
        public void modelFailure() {}

        @Override
        public void failed() {}
      };
}
