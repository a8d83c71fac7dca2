package io.facetrail.outbound.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-FaceTrail-Signature} header: {@code sha256=} and the lower-case hex HMAC-SHA256,
 * keyed with the webhook's secret (its UTF-8 bytes), of {@code <timestamp>.<body>}, where timestamp
 * is the decimal {@code X-FaceTrail-Timestamp} (unix seconds) and body the request's bytes. Signing
 * the timestamp with the body lets a receiver refuse a replayed request: {@link #verify} accepts a
 * timestamp at most {@link #REPLAY_WINDOW} away from its own clock.
 */
public final class WebhookSignature {
  public static final String PREFIX = "sha256=";

  /** How far a receiver should let a request's timestamp be from its own clock. */
  public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code timestamp} (unix seconds). */
  public static String sign(String secret, long timestamp, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /**
   * What a receiver does: whether {@code signature} is the signature of {@code body} at {@code
   * timestamp} with {@code secret}, and the timestamp is within {@link #REPLAY_WINDOW} of {@code
   * now}. The comparison takes the same time wherever the first difference is.
   */
  public static boolean verify(
      String secret, String timestamp, byte[] body, String signature, Instant now) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > REPLAY_WINDOW.toSeconds()) {
      return false;
    }
    if (signature == null || !signature.startsWith(PREFIX)) {
      return false;
    }
    byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] mac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime ships HmacSHA256; its absence is a broken JVM, not bad input.
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
