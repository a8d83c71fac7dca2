package io.facetrail.api.server;

import io.javalin.Javalin;

/** A group of endpoints (one package's) added to the server. */
public interface ApiRoutes {
  /** Adds this group's routes, each with the {@code Role} it needs (none: public). */
  void addTo(Javalin app);
}
