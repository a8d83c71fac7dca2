package io.facetrail.ingest.engine;

import io.facetrail.ingest.source.SourceSpec;
import java.util.concurrent.CompletableFuture;

/** A running (or ended) stream of an {@link IngestEngine}. */
public final class StreamHandle {
  private final StreamContext context;

  StreamHandle(StreamContext context) {
    this.context = context;
  }

  /** The stream id: the Kafka key of its records. */
  public String id() {
    return context.id;
  }

  public SourceSpec spec() {
    return context.spec;
  }

  /** The current state and counters. */
  public StreamStatus status() {
    return context.status();
  }

  /**
   * Completes once the stream has ended and its end-of-stream record is acknowledged by Kafka (or
   * publishing failed). Never completes exceptionally: failures are an outcome.
   */
  public CompletableFuture<StreamOutcome> completion() {
    return context.completion;
  }

  /**
   * Stops the stream: frames already selected are still published, then an end-of-stream record
   * with reason {@code STOPPED}. Returns at once; wait on {@link #completion()}.
   */
  public void stop() {
    context.requestStop();
  }

  @Override
  public String toString() {
    return "StreamHandle[" + context.id + ", " + context.state() + "]";
  }
}
