package io.facetrail.matcher.enrol;

/** A file that cannot be read as an image (missing, not an image, corrupt). */
public final class UnreadablePhotoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadablePhotoException(String message, Throwable cause) {
    super(message, cause);
  }
}
