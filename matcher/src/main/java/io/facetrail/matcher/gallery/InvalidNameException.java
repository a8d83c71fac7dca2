package io.facetrail.matcher.gallery;

/** A person's name that {@link PersonNames} refuses; nothing was written. */
public final class InvalidNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidNameException(String message) {
    super(message);
  }
}
