package io.facetrail.embedder.analyze;

/** The model failed on a batch (not the input's fault): retried, then fatal for the worker. */
public final class ModelFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
