package io.facetrail.contracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a valid record of the expected type. Extends Kafka's {@link
 * SerializationException} so that Kafka clients and Streams exception handlers treat it as a
 * deserialisation failure (and route the record to a dead-letter topic) rather than a crash.
 */
public final class MalformedRecordException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final String recordType;

  public MalformedRecordException(String recordType, String message) {
    super(recordType + ": " + message);
    this.recordType = recordType;
  }

  public MalformedRecordException(String recordType, String message, Throwable cause) {
    super(recordType + ": " + message, cause);
    this.recordType = recordType;
  }

  /** The record type that was expected, e.g. {@code FrameRecord}. */
  public String recordType() {
    return recordType;
  }
}
