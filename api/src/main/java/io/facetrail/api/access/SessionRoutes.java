package io.facetrail.api.access;

import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signing the console in and out: {@code POST /api/v1/session} with {@code {"key": "ftk_..."}} sets
 * the HttpOnly, SameSite=Strict session cookie and returns the CSRF token the page keeps in memory;
 * {@code GET} says who is signed in; {@code DELETE} signs out.
 */
public final class SessionRoutes implements ApiRoutes {
  private final ApiKeyStore keys;
  private final Sessions sessions;
  private final Duration ttl;
  private final boolean secureCookies;

  public SessionRoutes(ApiKeyStore keys, Sessions sessions, Duration ttl, boolean secureCookies) {
    this.keys = keys;
    this.sessions = sessions;
    this.ttl = ttl;
    this.secureCookies = secureCookies;
  }

  /** The sign-in request body. */
  public record SignIn(String key) {
    @Override
    public String toString() {
      return "SignIn[******]";
    }
  }

  @Override
  public void addTo(Javalin app) {
    app.post("/api/v1/session", this::signIn);
    app.get("/api/v1/session", this::current, Role.VIEWER);
    app.delete("/api/v1/session", this::signOut, Role.VIEWER);
  }

  private void signIn(Context ctx) {
    SignIn body;
    try {
      body = ctx.bodyAsClass(SignIn.class);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("the body is {\"key\": \"ftk_...\"}");
    }
    ApiKey key =
        keys.authenticate(body == null ? null : body.key())
            .orElseThrow(
                () ->
                    ProblemException.of(
                        401,
                        "unauthenticated",
                        "Authentication required",
                        "the API key is not valid (unknown, revoked or mistyped)"));
    Sessions.Session s = sessions.open(key.id());
    Cookie cookie = new Cookie(AccessGate.SESSION_COOKIE, s.id());
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookies);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, ttl.toSeconds()));
    ctx.cookie(cookie);
    ctx.json(body(new Principal(key.id(), key.name(), key.role(), true), s.csrfToken()));
  }

  private void current(Context ctx) {
    Principal p = AccessGate.principal(ctx);
    String csrf =
        p.session()
            ? sessions
                .find(ctx.cookie(AccessGate.SESSION_COOKIE))
                .map(Sessions.Session::csrfToken)
                .orElse(null)
            : null;
    ctx.json(body(p, csrf));
  }

  private void signOut(Context ctx) {
    sessions.close(ctx.cookie(AccessGate.SESSION_COOKIE));
    ctx.removeCookie(AccessGate.SESSION_COOKIE, "/");
    ctx.status(204);
  }

  private static Map<String, Object> body(Principal p, String csrf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keyId", p.keyId());
    m.put("keyName", p.keyName());
    m.put("role", p.role().id());
    if (csrf != null) {
      m.put("csrfToken", csrf);
    }
    return m;
  }
}
