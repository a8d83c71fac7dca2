package io.facetrail.matcher.enrol;

/** A photo too large to decode: over the pixel limit or the file size limit. */
public final class PhotoTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PhotoTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
