package io.facetrail.api.access;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What a key may do, each role including the ones before it: a viewer reads (events, persons,
 * videos, cameras) and identifies photos; an operator also changes the gallery (enrol, add photos,
 * rename, erase); an admin also reads the audit log.
 */
public enum Role implements RouteRole {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** Whether a caller with this role may call a route that needs {@code required}. */
  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** The role's name in JSON and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code viewer}, {@code operator} or {@code admin}, in any case.
   *
   * @throws IllegalArgumentException naming the roles
   */
  public static Role parse(String value) {
    for (Role r : values()) {
      if (r.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + value + "': one of viewer, operator, admin");
  }
}
