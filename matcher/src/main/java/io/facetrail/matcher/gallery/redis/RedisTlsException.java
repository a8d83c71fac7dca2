package io.facetrail.matcher.gallery.redis;

import io.facetrail.runtime.cli.UserFacingException;

/** A Redis CA file or client key store that cannot be used: a configuration error. */
public final class RedisTlsException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  public RedisTlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
