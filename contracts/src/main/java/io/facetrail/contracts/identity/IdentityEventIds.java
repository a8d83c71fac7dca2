package io.facetrail.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids. A replay of the same decision (after a crash, a rebalance or a re-run)
 * yields the same id, so consumers can de-duplicate on it.
 */
public final class IdentityEventIds {
  private IdentityEventIds() {}

  /**
   * The id of the event of the given type about a track. {@code discriminator} separates events of
   * the same type on one track (for {@code changed}: the ordinal of the change).
   */
  public static String of(String trackId, IdentityEventType type, String discriminator) {
    String key = trackId + '\u0000' + type.json() + '\u0000' + discriminator;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
