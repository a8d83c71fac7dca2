package io.facetrail.api.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions: signing in with an API key gives a random session id (the HttpOnly cookie) and
 * a CSRF token the page sends back in {@code X-CSRF-Token} with every change. Held in memory (a
 * restart signs everybody out), bounded, and ended after {@code ttl} without a request or when
 * their key is revoked.
 */
public final class Sessions {
  /** The most sessions kept; the least recently used goes first when full. */
  static final int MAX_SESSIONS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public Sessions(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** One signed-in console. Its id is the cookie value: never logged. */
  public static final class Session {
    private final String id;
    private final String keyId;
    private final String csrfToken;
    private volatile Instant lastUsed;

    Session(String id, String keyId, String csrfToken, Instant lastUsed) {
      this.id = id;
      this.keyId = keyId;
      this.csrfToken = csrfToken;
      this.lastUsed = lastUsed;
    }

    public String id() {
      return id;
    }

    public String keyId() {
      return keyId;
    }

    public String csrfToken() {
      return csrfToken;
    }

    @Override
    public String toString() {
      return "Session[key " + keyId + "]";
    }
  }

  /** Opens a session for the key {@code keyId}. */
  public Session open(String keyId) {
    sweep();
    if (byId.size() >= MAX_SESSIONS) {
      byId.values().stream()
          .min(Comparator.comparing(s -> s.lastUsed))
          .ifPresent(s -> byId.remove(s.id));
    }
    Session s = new Session(random(), keyId, random(), clock.instant());
    byId.put(s.id, s);
    return s;
  }

  /** The live session {@code id} names, touched; empty when unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (s.lastUsed.plus(ttl).isBefore(now)) {
      byId.remove(id);
      return Optional.empty();
    }
    s.lastUsed = now;
    return Optional.of(s);
  }

  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  public int size() {
    return byId.size();
  }

  private void sweep() {
    Instant oldest = clock.instant().minus(ttl);
    byId.values().removeIf(s -> s.lastUsed.isBefore(oldest));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
