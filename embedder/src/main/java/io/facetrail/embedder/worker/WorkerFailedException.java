package io.facetrail.embedder.worker;

/** The worker gave up after its retries: the service cannot analyse frames any more. */
public final class WorkerFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkerFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
