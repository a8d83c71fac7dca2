package io.facetrail.matcher.archive;

/** The archive's store could not be reached or written (the operation may be retried). */
public final class ArchiveUnavailableException extends RuntimeException {
  public ArchiveUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
