package io.facetrail.outbound.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a configured MQTT topic prefix may be: the first levels of every topic FaceTrail publishes,
 * written by the operator (so not escaped, unlike stream ids).
 */
final class MqttTopicPrefix {
  /** Leaves room for the levels FaceTrail adds within MQTT's 65535-byte topic limit. */
  static final int MAX_BYTES = 1_024;

  private MqttTopicPrefix() {}

  /** Why {@code prefix} cannot start a topic name, if it cannot. */
  static Optional<String> problem(String prefix) {
    if (prefix.indexOf('+') >= 0 || prefix.indexOf('#') >= 0) {
      return Optional.of("must not hold the wildcards + or #");
    }
    if (prefix.indexOf('\0') >= 0) {
      return Optional.of("must not hold a NUL character");
    }
    if (prefix.startsWith("$")) {
      return Optional.of("must not start with $ (reserved for the broker's own topics)");
    }
    if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
      return Optional.of("must not start or end with / or hold an empty level (//)");
    }
    if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("is longer than " + MAX_BYTES + " bytes");
    }
    return Optional.empty();
  }
}
