package io.facetrail.api.audit;

import io.facetrail.api.access.Role;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.ProblemException;
import io.facetrail.api.server.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** {@code GET /api/v1/audit}: the newest audit entries, for admins, filterable. */
public final class AuditRoutes implements ApiRoutes {
  private final AuditLog log;

  public AuditRoutes(AuditLog log) {
    this.log = log;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/audit", this::list, Role.ADMIN);
  }

  private void list(Context ctx) {
    int limit = QueryParams.intParam(ctx, "limit", 100, 1, 1000);
    String action = ctx.queryParam("action");
    String target = ctx.queryParam("target");
    Instant since = instant(ctx.queryParam("since"));
    ctx.json(
        Map.of(
            "entries",
            log.newest(
                limit,
                e ->
                    (action == null || e.action().equals(action))
                        && (target == null || target.equals(e.target()))
                        && (since == null || !e.at().isBefore(since)))));
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "since must be an ISO-8601 instant, e.g. 2026-12-07T10:00:00Z");
    }
  }
}
