package io.facetrail.embedder.analyze;

import io.facetrail.contracts.proto.Frame;
import java.util.List;

/**
 * Detects, aligns and embeds the faces of a batch of frames. One analyzer belongs to one model
 * worker thread; it need not be thread-safe.
 */
public interface FrameAnalyzer extends AutoCloseable {
  /**
   * Analyses a batch.
   *
   * @return one outcome per frame, in the order given, and the stage timings
   * @throws ModelFailureException when the model itself fails (the batch may be retried)
   */
  AnalyzedBatch analyze(List<Frame> frames);

  /** Runs the models once so that the first real batch is not slowed by lazy initialisation. */
  void warmUp();

  /** Id of the embedding model; written on every faces record. */
  String modelId();

  @Override
  void close();
}
