package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.Person;
import java.util.List;
import java.util.Optional;

/** Finds the person a user means: by id, or by exact name when that names exactly one person. */
public final class PersonLookup {
  private PersonLookup() {}

  /**
   * The person whose name is exactly {@code name}, if any.
   *
   * @throws AmbiguousPersonException when several persons have that name
   */
  public static Optional<Person> byName(Gallery gallery, String name) {
    List<Person> named = gallery.persons().stream().filter(p -> p.name().equals(name)).toList();
    if (named.size() > 1) {
      throw new AmbiguousPersonException(name, named);
    }
    return named.stream().findFirst();
  }

  /**
   * The person with id {@code idOrName}, or else the one person named exactly so.
   *
   * @throws AmbiguousPersonException when no id matches and several persons have that name
   */
  public static Optional<Person> byIdOrName(Gallery gallery, String idOrName) {
    Optional<Person> byId = gallery.person(idOrName);
    return byId.isPresent() ? byId : byName(gallery, idOrName);
  }
}
