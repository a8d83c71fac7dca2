package io.facetrail.api.config;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;
import java.util.List;

/**
 * Who may call the API and how often.
 *
 * @param keysFile the API keys (hashed), created by {@code facetrail api-keys create}; empty:
 *     {@code ~/.config/facetrail/api-keys.json}
 * @param auditFile the append-only audit log (JSON lines); empty: {@code
 *     ~/.local/state/facetrail/audit.jsonl}
 * @param sessionTtl how long a console session lasts without a request
 * @param requestsPerMinute requests one key (or one unauthenticated address) may make per minute
 * @param corsOrigins origins allowed to call the API from a browser; empty: CORS off
 * @param secureCookies whether the session cookie is marked Secure (behind TLS); off on loopback
 */
public record AccessSettings(
    String keysFile,
    String auditFile,
    Duration sessionTtl,
    int requestsPerMinute,
    List<String> corsOrigins,
    boolean secureCookies)
    implements Validated {
  public AccessSettings {
    corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    keysFile = keysFile == null ? "" : keysFile;
    auditFile = auditFile == null ? "" : auditFile;
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.require(
        sessionTtl != null && !sessionTtl.isNegative() && !sessionTtl.isZero(),
        ConfigProblems.path(path, "sessionTtl"),
        "must be positive");
    problems.range(requestsPerMinute, 1, 1_000_000, ConfigProblems.path(path, "requestsPerMinute"));
    for (String origin : corsOrigins) {
      problems.require(
          origin.startsWith("http://") || origin.startsWith("https://"),
          ConfigProblems.path(path, "corsOrigins"),
          "an origin is http(s)://host[:port], not " + origin);
    }
  }
}
