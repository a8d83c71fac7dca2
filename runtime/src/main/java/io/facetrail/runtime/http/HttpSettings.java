package io.facetrail.runtime.http;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;

/**
 * The service's HTTP endpoint.
 *
 * @param enabled whether to serve HTTP at all
 * @param host interface to bind: {@code 127.0.0.1} by default, so that a service started by hand is
 *     not reachable from the network; containers set {@code 0.0.0.0}
 * @param port TCP port; 0 picks a free one
 * @param apiToken bearer token required by API endpoints (and by {@code /metrics} when {@code
 *     protectMetrics}); empty means API endpoints are disabled
 * @param protectMetrics whether {@code /metrics} also requires the token
 */
public record HttpSettings(
    boolean enabled, String host, int port, Secret apiToken, boolean protectMetrics)
    implements Validated {

  /** An endpoint on a free loopback port without token (tests, all-in-one). */
  public static HttpSettings loopbackEphemeral() {
    return new HttpSettings(true, "127.0.0.1", 0, Secret.of(""), false);
  }

  /**
   * These settings switched off: no endpoint at all (a stage composed into a process that serves
   * none of its own, like the all-in-one run); the other values are kept but not used.
   */
  public HttpSettings disabled() {
    return new HttpSettings(false, host, port, apiToken, protectMetrics);
  }

  public boolean hasToken() {
    return apiToken != null && !apiToken.isEmpty();
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    if (!enabled) {
      return;
    }
    problems.required(host, ConfigProblems.path(path, "host"));
    problems.range(port, 0, 65_535, ConfigProblems.path(path, "port"));
    problems.require(
        !protectMetrics || hasToken(),
        ConfigProblems.path(path, "protectMetrics"),
        "needs http.apiToken to be set");
    if (hasToken()) {
      problems.require(
          apiToken.reveal().length() >= 16,
          ConfigProblems.path(path, "apiToken"),
          "is shorter than 16 characters");
    }
  }
}
