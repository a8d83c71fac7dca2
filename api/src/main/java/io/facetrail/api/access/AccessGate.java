package io.facetrail.api.access;

import io.facetrail.api.server.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Runs before every matched route: finds the caller (a bearer API key, or a console session
 * cookie), applies the rate limit, checks the route's role and, for a session, the CSRF token of
 * every request that changes something. Routes registered without a {@link Role} are public
 * (health, the OpenAPI document, signing in).
 */
public final class AccessGate {
  /** The console's session cookie. */
  public static final String SESSION_COOKIE = "facetrail_session";

  /** The header a console page sends its CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String PRINCIPAL = "facetrail.principal";

  private final ApiKeyStore keys;
  private final Sessions sessions;
  private final RateLimiter limiter;
  private final java.util.Set<String> trustedProxies;

  public AccessGate(ApiKeyStore keys, Sessions sessions, RateLimiter limiter) {
    this(keys, sessions, limiter, java.util.List.of());
  }

  /**
   * @param trustedProxies addresses whose {@code X-Forwarded-For} names the caller
   */
  public AccessGate(
      ApiKeyStore keys,
      Sessions sessions,
      RateLimiter limiter,
      java.util.List<String> trustedProxies) {
    this.keys = keys;
    this.sessions = sessions;
    this.limiter = limiter;
    this.trustedProxies = java.util.Set.copyOf(trustedProxies);
  }

  /**
   * The caller's address: the connection's, or behind a trusted proxy the last address of {@code
   * X-Forwarded-For} that is not itself a trusted proxy (what the proxies nearest to us saw).
   */
  String address(Context ctx) {
    String remote = ctx.req().getRemoteAddr();
    if (!trustedProxies.contains(remote)) {
      return remote;
    }
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }

  /** The caller of a request that passed the gate (routes with a role only). */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("no caller on a public route: " + ctx.matchedPath());
    }
    return p;
  }

  /** The Javalin before-matched handler. */
  public void check(Context ctx) {
    Role required = requiredRole(ctx);
    Optional<Principal> caller = caller(ctx);
    long wait =
        limiter.acquire(caller.map(p -> "key:" + p.keyId()).orElseGet(() -> "ip:" + address(ctx)));
    if (wait > 0) {
      throw ProblemException.tooMany(wait);
    }
    if (required == null) {
      caller.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
      return;
    }
    if (caller.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"facetrail\"");
      throw ProblemException.of(
          401,
          "unauthenticated",
          "Authentication required",
          "send an API key as 'Authorization: Bearer ftk_...' or sign in to the console");
    }
    Principal p = caller.get();
    if (!p.role().includes(required)) {
      throw ProblemException.of(
          403,
          "forbidden",
          "Not allowed",
          "this needs the "
              + required.id()
              + " role; the key '"
              + p.keyName()
              + "' is "
              + p.role().id());
    }
    if (p.session() && changes(ctx)) {
      String token = ctx.header(CSRF_HEADER);
      String expected =
          sessions.find(ctx.cookie(SESSION_COOKIE)).map(Sessions.Session::csrfToken).orElse(null);
      if (token == null || expected == null || !constantTimeEquals(token, expected)) {
        throw ProblemException.of(
            403,
            "csrf",
            "Missing or wrong CSRF token",
            "a console request that changes something must carry the session's "
                + CSRF_HEADER
                + " header");
      }
    }
    ctx.attribute(PRINCIPAL, p);
  }

  /** The caller: a bearer key first (integrations), else the session cookie (the console). */
  Optional<Principal> caller(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ProblemException.of(
            401, "unauthenticated", "Authentication required", "use 'Authorization: Bearer KEY'");
      }
      ApiKey k = keys.authenticate(auth.substring(7)).orElseThrow(ProblemException::invalidKey);
      return Optional.of(new Principal(k.id(), k.name(), k.role(), false));
    }
    return sessions
        .find(ctx.cookie(SESSION_COOKIE))
        .flatMap(
            s -> keys.active(s.keyId()).map(k -> new Principal(k.id(), k.name(), k.role(), true)));
  }

  private static Role requiredRole(Context ctx) {
    Role strongest = null;
    for (RouteRole r : ctx.routeRoles()) {
      if (r instanceof Role role && (strongest == null || role.includes(strongest))) {
        strongest = role;
      }
    }
    return strongest;
  }

  private static boolean changes(Context ctx) {
    HandlerType m = ctx.method();
    return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
