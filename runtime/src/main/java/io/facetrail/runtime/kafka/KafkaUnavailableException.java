package io.facetrail.runtime.kafka;

import io.facetrail.runtime.cli.UserFacingException;

/** Kafka could not be reached or refused an administrative request. */
public final class KafkaUnavailableException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
