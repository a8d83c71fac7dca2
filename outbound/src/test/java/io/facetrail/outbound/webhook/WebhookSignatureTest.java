package io.facetrail.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The signature against values computed independently (Python's hmac module: {@code hmac.new(key,
 * b"1700000000." + body, hashlib.sha256).hexdigest()}), and the receiver's check.
 */
class WebhookSignatureTest {
  private static final String SECRET = "whsec-test-0123456789abcdef";
  private static final byte[] BODY = "{\"eventId\":\"0123\"}".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED =
      "sha256=3546458a76a9d1291f7326365d4dbf35f289f1b0da2b2af4783b27a611625c48";

  @Test
  void signsTimestampDotBodyWithHmacSha256AsLowerCaseHex() {
    assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void theKeyIsTheSecretsUtf8Bytes() {
    assertThat(WebhookSignature.sign("clé-secrète-ünïcode-1234", 1, new byte[0]))
        .isEqualTo("sha256=71863bedd108ca17db9c59d3fb5a94fee91cd5f61432793fbaf7a3207e2f4673");
  }

  @Test
  void aReceiverAcceptsTheSignatureWithinFiveMinutes() {
    Instant sent = Instant.ofEpochSecond(1_700_000_000L);
    assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, sent)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, sent.plusSeconds(300)))
        .isTrue();
    assertThat(
            WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, sent.minusSeconds(300)))
        .isTrue();
  }

  @Test
  void aReceiverRefusesReplaysTamperingAndOtherKeys() {
    Instant sent = Instant.ofEpochSecond(1_700_000_000L);
    assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, sent.plusSeconds(301)))
        .as("replayed after the window")
        .isFalse();
    byte[] tampered = "{\"eventId\":\"0124\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(SECRET, "1700000000", tampered, EXPECTED, sent))
        .as("body changed")
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1700000001", BODY, EXPECTED, sent))
        .as("timestamp changed")
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET + "x", "1700000000", BODY, EXPECTED, sent))
        .as("another key")
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "soon", BODY, EXPECTED, sent))
        .as("timestamp not a number")
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, null, sent)).isFalse();
    assertThat(
            WebhookSignature.verify(
                SECRET, "1700000000", BODY, EXPECTED.replace("sha256=", "sha1="), sent))
        .isFalse();
  }
}
