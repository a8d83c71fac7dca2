package io.facetrail.contracts.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an identity event says about its track. */
public enum IdentityEventType {
  /** The track was matched to an enrolled person. */
  IDENTIFIED,
  /** A matched track now matches another person (after hysteresis). */
  CHANGED,
  /** A matched track ended; the event summarises it. */
  ENDED,
  /** A track ended without ever being matched. */
  UNKNOWN;

  /** The JSON spelling: lower case. */
  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
