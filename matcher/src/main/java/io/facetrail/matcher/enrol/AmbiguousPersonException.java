package io.facetrail.matcher.enrol;

import io.facetrail.matcher.gallery.Person;
import io.facetrail.runtime.text.DisplayText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A name given to find a person belongs to several persons in the gallery, so photos cannot be
 * added to one of them without a guess. The message names the candidates' ids, for the user to
 * choose one.
 */
public final class AmbiguousPersonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AmbiguousPersonException(String name, List<Person> candidates) {
    super(
        candidates.size()
            + " persons are named '"
            + DisplayText.safe(name)
            + "' ("
            + candidates.stream()
                .map(p -> DisplayText.safe(p.id()))
                .collect(Collectors.joining(", "))
            + "); name one by its id");
  }
}
