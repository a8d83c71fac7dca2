package io.facetrail.faces.model;

import io.facetrail.runtime.cli.UserFacingException;

/**
 * The model cache cannot provide a verified weight file: the fetch failed (no npm, registry
 * unreachable) or a file in the cache does not match its pinned checksum. The message says what to
 * do by hand.
 */
public class ModelCacheException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  public ModelCacheException(String message) {
    super(message);
  }

  public ModelCacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
