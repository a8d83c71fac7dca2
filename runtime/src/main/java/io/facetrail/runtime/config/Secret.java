package io.facetrail.runtime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A password, token or key. Its {@link #toString()} (and thus every record, log line and JSON dump
 * that holds it) shows only {@value #REDACTED}; {@link #reveal()} is the one way to read it.
 */
public final class Secret {
  public static final String REDACTED = "******";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  @JsonCreator
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret value, for handing to the client library that needs it. Never log it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  @JsonValue
  public String toString() {
    return REDACTED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
