package io.facetrail.matcher.gallery;

/**
 * The gallery store cannot be reached or did not answer (Redis down, directory unreadable). A
 * transient condition: callers retry with back-off.
 */
public final class GalleryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GalleryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
