package io.facetrail.embedder.worker;

/** The worker's queue is full: the caller should back off and retry, not wait unboundedly. */
public final class CapacityExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CapacityExceededException(String worker, int capacity) {
    super("model worker " + worker + " has " + capacity + " batches queued; try again later");
  }
}
