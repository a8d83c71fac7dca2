package io.facetrail.outbound.mqtt;

import io.facetrail.contracts.identity.IdentityEventType;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The topic names FaceTrail publishes under a prefix. A stream id becomes one topic level, escaped
 * so that it can neither split into several levels nor act as a wildcard: {@code %} is written
 * {@code %25}, {@code /} {@code %2F}, {@code +} {@code %2B}, {@code #} {@code %23}, and NUL and the
 * other control characters (U+0000 to U+001F, U+007F to U+009F, which MQTT says topics should not
 * hold) {@code %XX} with their code in upper-case hex. Every other character stays as it is, so
 * {@code lobby} stays {@code lobby} and {@code site/cam 1} becomes {@code site%2Fcam 1}; the
 * mapping is one to one (percent-decoding gives the stream id back).
 */
public final class MqttTopics {
  /** MQTT's limit on a topic name, in UTF-8 bytes. */
  static final int MAX_TOPIC_BYTES = 65_535;

  private final String prefix;

  /**
   * @param prefix the configured first level(s), already checked by the configuration
   */
  public MqttTopics(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  /** {@code <prefix>/events/<stream>/<type>}. */
  public String event(String streamId, IdentityEventType type) {
    return checked(prefix + "/events/" + level(streamId) + "/" + type.json());
  }

  /** {@code <prefix>/cameras/<stream>/last_person}: retained, the name or {@code unknown}. */
  public String lastPerson(String streamId) {
    return checked(prefix + "/cameras/" + level(streamId) + "/last_person");
  }

  /** {@code <prefix>/status}: retained {@code online}, or {@code offline} (also the last will). */
  public String status() {
    return prefix + "/status";
  }

  /** {@code value} as one topic level (the escaping described above). */
  public static String level(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' || c == '/' || c == '+' || c == '#' || c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        sb.append('%').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String checked(String topic) {
    int bytes = topic.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TOPIC_BYTES) {
      throw new IllegalArgumentException(
          "MQTT topic of " + bytes + " bytes is over the limit of " + MAX_TOPIC_BYTES);
    }
    return topic;
  }
}
