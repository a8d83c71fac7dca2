package io.facetrail.api.server;

import io.javalin.http.Context;

/** Writes problem details as the response. */
public final class Problems {
  private Problems() {}

  /** Whether the response is already problem details. */
  public static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.MEDIA_TYPE);
  }

  public static void write(Context ctx, ProblemException e) {
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    ctx.status(e.status());
    ctx.json(e.toProblem(ctx.path()));
    ctx.contentType(Problem.MEDIA_TYPE);
  }
}
