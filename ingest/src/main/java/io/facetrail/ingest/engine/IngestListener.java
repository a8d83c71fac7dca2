package io.facetrail.ingest.engine;

import io.facetrail.ingest.media.StreamInfo;
import java.time.Duration;

/**
 * Hears about stream life-cycle events. Called on the stream's own threads: return quickly and do
 * not throw (an exception is logged and ignored).
 */
public interface IngestListener {
  /** The input was opened (again, after a reconnect). */
  default void connected(String streamId, StreamInfo info) {}

  /** A live source lost its connection and will retry after {@code delay}. */
  default void reconnecting(String streamId, int attempt, Duration delay, String cause) {}

  /** A live source delivers frames again after an interruption: {@code gap} says how long. */
  default void resumed(String streamId, StreamGap gap) {}

  /** The stream ended and its end-of-stream record is on Kafka (or publishing failed). */
  default void ended(StreamOutcome outcome) {}
}
