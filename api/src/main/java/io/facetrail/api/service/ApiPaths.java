package io.facetrail.api.service;

import io.facetrail.api.config.AccessSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the API's own files are when the configuration leaves them empty: the keys under the user's
 * configuration folder, the audit log under their state folder (XDG base directories).
 */
public final class ApiPaths {
  private ApiPaths() {}

  public static Path keysFile(AccessSettings access) {
    return access.keysFile().isBlank()
        ? base("XDG_CONFIG_HOME", ".config").resolve("facetrail").resolve("api-keys.json")
        : Path.of(access.keysFile());
  }

  public static Path auditFile(AccessSettings access) {
    return access.auditFile().isBlank()
        ? base("XDG_STATE_HOME", ".local/state").resolve("facetrail").resolve("audit.jsonl")
        : Path.of(access.auditFile());
  }

  private static Path base(String variable, String underHome) {
    Map<String, String> env = System.getenv();
    String v = env.get(variable);
    // The XDG specification: a relative value is invalid and ignored.
    if (v != null && Path.of(v).isAbsolute()) {
      return Path.of(v);
    }
    return Path.of(System.getProperty("user.home")).resolve(underHome);
  }
}
