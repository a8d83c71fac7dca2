package io.facetrail.runtime.streams;

import io.facetrail.runtime.cli.UserFacingException;

/**
 * A Streams application did not become ready in time, or stopped while starting. The message names
 * the application, its last state and, when a stream thread failed, why; the application is closed
 * by the time this is thrown.
 */
public final class StreamsStartException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  StreamsStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
