package io.facetrail.runtime.cli;

/**
 * A failure caused by the user's input (a missing file, an unreachable stream, a photo without a
 * face): the CLI prints its message without a stack trace. The message must say what failed and
 * why, naming the input.
 */
public class UserFacingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserFacingException(String message) {
    super(message);
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
