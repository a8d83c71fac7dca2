package io.facetrail.contracts.identity;

import java.util.Objects;

/** A person as named in an identity event. The name is null once the person has been erased. */
public record PersonRef(String id, String name) {
  public PersonRef {
    Objects.requireNonNull(id, "id");
  }
}
