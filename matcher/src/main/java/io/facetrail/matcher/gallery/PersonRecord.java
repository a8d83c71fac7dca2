package io.facetrail.matcher.gallery;

import java.util.List;
import java.util.Objects;

/** A person with all their codes: the unit of export, import and index loading. */
public record PersonRecord(Person person, List<StoredCode> codes) {
  public PersonRecord {
    Objects.requireNonNull(person, "person");
    codes = List.copyOf(codes);
  }
}
