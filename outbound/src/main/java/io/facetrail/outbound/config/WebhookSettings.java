package io.facetrail.outbound.config;

import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Secret;
import io.facetrail.runtime.config.Validated;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One webhook: identity events POSTed to {@code url}, signed with {@code secret}. Settings left out
 * of an entry take the defaults named below (also documented in {@code outbound-defaults.yaml}).
 *
 * @param url where events are POSTed ({@code http} or {@code https}); never logged or put in a dead
 *     letter in full, since its query may hold a token: only its host is
 * @param secret the HMAC-SHA256 key of the {@code X-FaceTrail-Signature} header, at least 16
 *     characters (shared with the receiver; never printed)
 * @param events event types to send (identified, changed, ended, unknown); empty: all
 * @param streams stream ids to send; empty: all
 * @param timeout the longest one attempt may take, connecting included (default 10 s)
 * @param maxAttempts attempts before an event goes to the dead-letter topic (default 8)
 * @param backoff waits between attempts (default 1 s doubling to 5 min)
 * @param queueCapacity events waiting for this webhook; beyond it further events go to the
 *     dead-letter topic at once, so that a webhook that is down cannot hold the others back
 *     (default 10000)
 */
public record WebhookSettings(
    URI url,
    Secret secret,
    List<IdentityEventType> events,
    List<String> streams,
    Duration timeout,
    Integer maxAttempts,
    BackoffSettings backoff,
    Integer queueCapacity)
    implements Validated {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  /** The smallest HMAC key accepted: shorter keys are guessable. */
  static final int MIN_SECRET_CHARS = 16;

  public WebhookSettings {
    events = events == null ? List.of() : List.copyOf(events);
    streams = streams == null ? List.of() : List.copyOf(streams);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    maxAttempts = maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
    backoff = backoff == null ? BackoffSettings.DEFAULT : backoff;
    queueCapacity = queueCapacity == null ? DEFAULT_QUEUE_CAPACITY : queueCapacity;
  }

  /** A webhook with every optional setting at its default. */
  public static WebhookSettings of(URI url, Secret secret) {
    return new WebhookSettings(url, secret, null, null, null, null, null, null);
  }

  /** The events this webhook receives. */
  public EventFilter filter() {
    return EventFilter.of(events, streams);
  }

  /**
   * The host (and port, when given) of the URL: what logs, metrics and dead letters name the
   * webhook by, beside its index, since the path and query may carry a token.
   */
  public String host() {
    if (url == null || url.getHost() == null) {
      return "";
    }
    return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    String urlPath = ConfigProblems.path(path, "url");
    problems.required(url, urlPath);
    if (url != null) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      problems.require(
          scheme.equals("http") || scheme.equals("https"),
          urlPath,
          "must be an http:// or https:// URL");
      problems.require(url.getHost() != null, urlPath, "must name a host");
      problems.require(
          url.getRawUserInfo() == null,
          urlPath,
          "must not hold a user name or password (the receiver checks the signature instead)");
      problems.require(url.getRawFragment() == null, urlPath, "must not have a #fragment");
    }
    String secretPath = ConfigProblems.path(path, "secret");
    problems.required(secret == null ? null : secret.reveal(), secretPath);
    if (secret != null && !secret.isEmpty()) {
      problems.require(
          secret.reveal().length() >= MIN_SECRET_CHARS,
          secretPath,
          "is shorter than " + MIN_SECRET_CHARS + " characters");
    }
    String timeoutPath = ConfigProblems.path(path, "timeout");
    problems.require(
        !timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(5)) <= 0,
        timeoutPath,
        "must be positive and at most 5m");
    problems.range(maxAttempts, 1, 100, ConfigProblems.path(path, "maxAttempts"));
    problems.section(backoff, ConfigProblems.path(path, "backoff"));
    problems.range(queueCapacity, 1, 1_000_000, ConfigProblems.path(path, "queueCapacity"));
    for (int i = 0; i < streams.size(); i++) {
      problems.required(streams.get(i), ConfigProblems.path(path, "streams[" + i + "]"));
    }
  }
}
