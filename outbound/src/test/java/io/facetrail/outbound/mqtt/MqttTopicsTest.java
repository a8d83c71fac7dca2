package io.facetrail.outbound.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.identity.IdentityEventType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stream ids become one safe topic level each, and the mapping can be undone. */
class MqttTopicsTest {
  private final MqttTopics topics = new MqttTopics("home/facetrail");

  @Test
  void topicNamesUnderThePrefix() {
    assertThat(topics.event("lobby", IdentityEventType.IDENTIFIED))
        .isEqualTo("home/facetrail/events/lobby/identified");
    assertThat(topics.event("lobby", IdentityEventType.UNKNOWN))
        .isEqualTo("home/facetrail/events/lobby/unknown");
    assertThat(topics.lastPerson("lobby")).isEqualTo("home/facetrail/cameras/lobby/last_person");
    assertThat(topics.status()).isEqualTo("home/facetrail/status");
  }

  @Test
  void separatorsWildcardsNulAndControlCharactersAreEscaped() {
    assertThat(MqttTopics.level("site/cam 1")).isEqualTo("site%2Fcam 1");
    assertThat(MqttTopics.level("a+b#c")).isEqualTo("a%2Bb%23c");
    assertThat(MqttTopics.level("nul\0here")).isEqualTo("nul%00here");
    assertThat(MqttTopics.level("tab\tand\u007f\u0085")).isEqualTo("tab%09and%7F%85");
    assertThat(MqttTopics.level("100%")).isEqualTo("100%25");
    assertThat(MqttTopics.level("caméra-ü_1.2")).isEqualTo("caméra-ü_1.2");
    assertThat(topics.event("a/b", IdentityEventType.ENDED))
        .isEqualTo("home/facetrail/events/a%2Fb/ended");
  }

  @Test
  void noTwoStreamIdsShareALevel() {
    String[] ids = {"a/b", "a%2Fb", "a_b", "a+b", "a%2Bb", "a\0b"};
    for (String id : ids) {
      String level = MqttTopics.level(id);
      assertThat(level).doesNotContain("/", "+", "#", "\0");
      // Percent-decoding gives the id back ('+' written %2B, so it is not read as a space).
      assertThat(URLDecoder.decode(level.replace("+", "%2B"), StandardCharsets.UTF_8))
          .isEqualTo(id);
    }
  }

  @Test
  void aTopicOverMqttsLimitIsRefused() {
    String huge = "x".repeat(70_000);
    assertThatThrownBy(() -> topics.event(huge, IdentityEventType.IDENTIFIED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65535");
  }
}
