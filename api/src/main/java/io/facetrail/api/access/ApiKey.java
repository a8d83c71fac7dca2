package io.facetrail.api.access;

import java.time.Instant;

/**
 * One stored API key: never the key itself, only the SHA-256 of its secret part. Keys are 256
 * random bits, so a fast hash is as safe as a slow one here (nobody can guess a preimage) and keeps
 * every request cheap; what matters is that a copy of the file does not hand out keys.
 *
 * @param id the public part of the key ({@code ftk_<id>_<secret>}), shown in lists and the audit
 *     log
 * @param name what the key is for, e.g. {@code nvr-integration}
 * @param role what the key may do
 * @param secretSha256 hex SHA-256 of the secret part
 * @param created when it was created
 * @param revoked when it was revoked, null while valid
 */
public record ApiKey(
    String id, String name, Role role, String secretSha256, Instant created, Instant revoked) {
  public boolean active() {
    return revoked == null;
  }

  ApiKey revokedAt(Instant at) {
    return new ApiKey(id, name, role, secretSha256, created, at);
  }
}
