package io.facetrail.matcher.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Ids of new clusters: derived from the founding track, so a replay founds the same id. */
final class ClusterIds {
  private ClusterIds() {}

  /** {@code c} and 12 hex digits of SHA-256 of the track id (and of the attempt, after a clash). */
  static String derived(String trackId, int attempt) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(trackId.getBytes(StandardCharsets.UTF_8));
      if (attempt > 0) {
        md.update((byte) 0);
        md.update(Integer.toString(attempt).getBytes(StandardCharsets.UTF_8));
      }
      return "c" + HexFormat.of().formatHex(md.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether {@code id} has the form of a cluster id (checked before it reaches a store). */
  static boolean wellFormed(String id) {
    return id != null && id.matches("c[0-9a-f]{12}");
  }
}
