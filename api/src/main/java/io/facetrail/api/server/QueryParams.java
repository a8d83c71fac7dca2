package io.facetrail.api.server;

import io.javalin.http.Context;

/** Query parameters read with bounds and clear errors. */
public final class QueryParams {
  private QueryParams() {}

  /** An integer parameter in {@code min..max}, {@code fallback} when absent. */
  public static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw ProblemException.badRequest(name + " must be in " + min + ".." + max + ", got " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(name + " must be a whole number, got '" + v + "'");
    }
  }
}
