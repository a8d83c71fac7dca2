package io.facetrail.tracker.state;

/** Stored tracker state that cannot be read: written by another format version, or damaged. */
public final class CorruptStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CorruptStateException(String message) {
    super(message);
  }

  public CorruptStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
